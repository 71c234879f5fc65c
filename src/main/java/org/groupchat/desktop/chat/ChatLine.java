package org.groupchat.desktop.chat;

import java.util.List;
import org.groupchat.desktop.files.SharedFileCheck;
import org.groupchat.protocol.EventKind;
import org.groupchat.protocol.FileInfo;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;

/**
 * One row of the message list: a stored message, or one of ours not yet stored ({@code seq} 0), with what later
 * events of the log made of it ({@link Folded}): {@code text} is its current text; {@code file} is what a file event
 * shares (null for a text message). Immutable; a change of state
 * replaces the row so the list redraws it.
 */
public record ChatLine(
        String id,
        long seq,
        long ts,
        User sender,
        String text,
        boolean own,
        SendState state,
        String problem,
        Folded folded,
        FileInfo file) {

    /**
     * What the log says of a message besides its first text: edited, gone (why, or null), the message it answers
     * (quoted), reactions, the members it mentions, and whether the row is a notice (a moderator's act, or a kind
     * this app does not know) rather than someone's message.
     */
    public record Folded(
            boolean edited, String gone, Quote quote, List<Reaction> reactions, List<String> mentions, boolean notice) {
        static final Folded NONE = new Folded(false, null, null, List.of(), List.of(), false);

        public Folded {
            reactions = List.copyOf(reactions);
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
        }
    }

    /** The message a reply answers, as its quote shows it; {@code author} null while it is not loaded. */
    public record Quote(long seq, String author, String firstLine, boolean gone) {}

    /** One emoji on a message and who put it there, in the order they did. */
    public record Reaction(String emoji, List<User> who) {
        public Reaction {
            who = List.copyOf(who);
        }

        public boolean by(String userId) {
            return who.stream().anyMatch(u -> u.id().equals(userId));
        }
    }

    public ChatLine(
            String id, long seq, long ts, User sender, String text, boolean own, SendState state, String problem) {
        this(id, seq, ts, sender, text, own, state, problem, Folded.NONE, null);
    }

    static ChatLine stored(Message message, boolean own) {
        return new ChatLine(
                message.id(),
                message.seq(),
                message.ts(),
                message.sender(),
                message.text(),
                own,
                SendState.SENT,
                null,
                new Folded(false, null, null, List.of(), message.mentions(), false),
                sharedFile(message));
    }

    /** The file a file event shares, or null: for any other kind, and for a description that cannot be trusted. */
    static FileInfo sharedFile(Message message) {
        return message.eventKind() == EventKind.FILE && SharedFileCheck.wellFormed(message.file())
                ? message.file()
                : null;
    }

    /** Our file while it uploads: {@code file}'s id is the id its file event will have. */
    static ChatLine uploading(FileInfo file, User sender, String text, long now) {
        return new ChatLine(file.id(), 0, now, sender, text, true, SendState.PENDING, null, Folded.NONE, file);
    }

    static ChatLine pending(String id, User sender, String text, long now) {
        return new ChatLine(id, 0, now, sender, text, true, SendState.PENDING, null);
    }

    boolean isStored() {
        return seq > 0;
    }

    public boolean gone() {
        return folded.gone() != null;
    }

    public boolean mentions(String userId) {
        return folded.mentions().contains(userId);
    }

    ChatLine failed(String reason) {
        return new ChatLine(id, seq, ts, sender, text, own, SendState.FAILED, reason, folded, file);
    }

    ChatLine retrying() {
        return new ChatLine(id, seq, ts, sender, text, own, SendState.PENDING, null, folded, file);
    }

    ChatLine with(String currentText, Folded newFolded) {
        return new ChatLine(id, seq, ts, sender, currentText, own, state, problem, newFolded, file);
    }
}
