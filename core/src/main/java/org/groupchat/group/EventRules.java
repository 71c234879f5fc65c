package org.groupchat.group;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.EventKind;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;

/**
 * Turns a SEND into the entry it appends to the log (protocol 1.4, "Growing the contract"), or refuses it: who may
 * send each kind, which earlier message it may point at, and the text a v1 client shows for kinds without user text.
 * Every check reads the store by seq or on the index on target, so an event costs a few index lookups.
 */
final class EventRules {
    static final int MAX_MENTIONS = 50;
    static final int MAX_EMOJI_BYTES = 32;

    private final String groupName;
    private final MessageStore store;
    private final Moderation moderation;

    EventRules(String groupName, MessageStore store, Moderation moderation) {
        this.groupName = groupName;
        this.store = store;
        this.moderation = moderation;
    }

    /** Whether the SEND is checked against the log (an event, or a message that points into it). */
    static boolean readsTheLog(Request.Send send) {
        return send.kind() != null || send.replyTo() != null || send.mentions() != null;
    }

    NewMessage check(Request.Send send, String id, User sender) throws ProtocolException {
        EventKind kind = EventKind.of(send.kind());
        if (kind == EventKind.UNKNOWN) {
            throw bad("unknown \"kind\" \"" + send.kind() + "\"; this server knows message, edit, delete, reaction,"
                    + " unreaction, remove, kick, ban and unban");
        }
        if (kind == EventKind.FILE) {
            throw bad(
                    "a \"file\" event is appended by the server once a file's upload completes (FILE_BEGIN, FILE_CHUNK)");
        }
        if (kind.ownersOnly()) {
            moderation.requireOwner(sender.id(), kind);
        }
        return switch (kind) {
            case MESSAGE -> message(send, id, sender);
            case EDIT -> {
                Message target = ownMessage(send, sender, "edit");
                yield event(id, sender, Fields.text(send.text()), kind, target.seq(), null, null);
            }
            case DELETE -> {
                noText(send, kind);
                Message target = ownMessage(send, sender, "delete");
                yield event(id, sender, "deleted message #" + target.seq(), kind, target.seq(), null, null);
            }
            case REACTION, UNREACTION -> reaction(send, id, sender, kind);
            case REMOVE -> {
                noText(send, kind);
                Message target = live(send.target(), "target", sender.id(), null);
                yield event(
                        id,
                        sender,
                        "removed message #" + target.seq() + " by "
                                + target.sender().name(),
                        kind,
                        target.seq(),
                        null,
                        null);
            }
            default -> membership(send, id, sender, kind);
        };
    }

    private NewMessage message(Request.Send send, String id, User sender) throws ProtocolException {
        String text = Fields.text(send.text());
        Long replyTo = send.replyTo() == null
                ? null
                : live(send.replyTo(), "replyTo", sender.id(), null).seq();
        return new NewMessage(id, sender, text, null, replyTo, null, null, null, mentions(send.mentions()));
    }

    private NewMessage reaction(Request.Send send, String id, User sender, EventKind kind) throws ProtocolException {
        noText(send, kind);
        String emoji = emoji(send.emoji());
        Target live = target(send.target(), "target", sender.id(), emoji);
        Message target = live.message();
        long seq = target.seq();
        boolean reacted = live.state().reacted();
        if (kind == EventKind.REACTION && reacted) {
            throw bad("you already reacted " + emoji + " to message #" + seq + "; send \"unreaction\" to take it back");
        }
        if (kind == EventKind.UNREACTION && !reacted) {
            throw bad("you have no " + emoji + " reaction on message #" + seq + " to take back");
        }
        String text = kind == EventKind.REACTION
                ? "reacted " + emoji + " to message #" + target.seq()
                : "took back " + emoji + " from message #" + target.seq();
        return event(id, sender, text, kind, target.seq(), emoji, null);
    }

    private NewMessage membership(Request.Send send, String id, User sender, EventKind kind) throws ProtocolException {
        noText(send, kind);
        String member = Fields.uuid(send.member(), "member");
        if (moderation.isOwner(member)) {
            throw new ProtocolException(
                    ErrorCode.FORBIDDEN,
                    "user " + member + " is an owner of \"" + groupName + "\"; an owner cannot be kicked or banned");
        }
        String known = store.member(member).map(User::name).orElse(moderation.bannedName(member));
        String name = known != null ? known : "user " + member;
        String text = switch (kind) {
            case KICK -> {
                if (store.member(member).isEmpty()) {
                    throw bad(name + " is not a member of \"" + groupName + "\"");
                }
                yield "removed " + name + " from the group";
            }
            case BAN -> {
                if (moderation.isBanned(member)) {
                    throw bad(name + " is already banned from \"" + groupName + "\"");
                }
                yield "banned " + name + " from the group";
            }
            default -> {
                if (!moderation.isBanned(member)) {
                    throw bad(name + " is not banned from \"" + groupName + "\"");
                }
                yield "lifted the ban on " + name;
            }
        };
        return new NewMessage(id, sender, text, kind.wire(), null, null, null, member, null);
    }

    /** The target of an edit or delete, which only its author may send. */
    private Message ownMessage(Request.Send send, User sender, String verb) throws ProtocolException {
        Message target = live(send.target(), "target", sender.id(), null);
        if (!target.sender().id().equals(sender.id())) {
            throw new ProtocolException(
                    ErrorCode.FORBIDDEN,
                    "message #" + target.seq() + " is " + target.sender().name() + "'s; only its author may " + verb
                            + " it");
        }
        return target;
    }

    private record Target(Message message, TargetState state) {}

    private Message live(Long seq, String field, String userId, String emoji) throws ProtocolException {
        return target(seq, field, userId, emoji).message();
    }

    /** The stored plain message at {@code seq}, neither deleted nor removed; else BAD_REQUEST naming the field. */
    private Target target(Long seq, String field, String userId, String emoji) throws ProtocolException {
        long at = targetSeq(seq, field);
        Message message = store.bySeq(at)
                .orElseThrow(() -> bad("\"" + field + "\": message #" + at
                        + (at > store.lastSeq()
                                ? " does not exist in \"" + groupName + "\" (its last is #" + store.lastSeq() + ")"
                                : " is no longer stored in \"" + groupName + "\"")));
        if (message.kind() != null && message.eventKind() != EventKind.FILE) {
            throw bad("\"" + field + "\": #" + at + " is a " + message.kind() + " event, not a message; point at the"
                    + " message itself");
        }
        TargetState state = store.about(at, userId, emoji);
        if (state.takenBack()) {
            throw bad("\"" + field + "\": message #" + at + " was deleted");
        }
        return new Target(message, state);
    }

    private static long targetSeq(Long seq, String field) throws ProtocolException {
        if (seq == null) {
            throw bad("\"" + field + "\" is required: the seq of the message it is about");
        }
        if (seq < 1) {
            throw bad("\"" + field + "\" must be a seq of this group, 1 or more");
        }
        return seq;
    }

    private static void noText(Request.Send send, EventKind kind) throws ProtocolException {
        if (send.text() != null) {
            throw bad("a \"" + kind.wire() + "\" carries no \"text\": the server writes what older clients show;"
                    + " leave \"text\" out");
        }
    }

    static String emoji(String emoji) throws ProtocolException {
        if (emoji == null || emoji.isEmpty()) {
            throw bad("\"emoji\" is required: one emoji, such as \uD83D\uDC4D");
        }
        if (emoji.codePoints()
                .anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c))) {
            throw bad("\"emoji\" must not contain spaces or control characters");
        }
        int bytes = emoji.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_EMOJI_BYTES) {
            throw bad("\"emoji\" is " + bytes + " bytes; the limit is " + MAX_EMOJI_BYTES);
        }
        return emoji;
    }

    private static List<String> mentions(List<String> given) throws ProtocolException {
        if (given == null || given.isEmpty()) {
            return null;
        }
        if (given.size() > MAX_MENTIONS) {
            throw bad("\"mentions\" names " + given.size() + " users; the limit is " + MAX_MENTIONS);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            ids.add(Fields.uuid(given.get(i), "mentions[" + i + "]"));
        }
        return new ArrayList<>(ids);
    }

    private static NewMessage event(
            String id, User sender, String text, EventKind kind, long target, String emoji, String member) {
        return new NewMessage(id, sender, text, kind.wire(), null, target, emoji, member, null);
    }

    private static ProtocolException bad(String message) {
        return new ProtocolException(ErrorCode.BAD_REQUEST, message);
    }
}
