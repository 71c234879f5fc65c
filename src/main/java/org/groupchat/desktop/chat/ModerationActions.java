package org.groupchat.desktop.chat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.StringProperty;
import org.groupchat.desktop.session.GroupConnection;
import org.groupchat.protocol.EventKind;
import org.groupchat.protocol.Request;

/**
 * What a member does to a message other than answering it: delete one's own, react, and an owner's removal of
 * others' messages and members. Each is an event in the group's log; a refusal is said in the tab's notice.
 */
public final class ModerationActions {
    private final Supplier<GroupConnection> session;
    private final StringProperty notice;
    private final Map<String, String> pending = new HashMap<>();

    ModerationActions(Supplier<GroupConnection> session, StringProperty notice) {
        this.session = session;
        this.notice = notice;
    }

    public void delete(ChatLine line) {
        send(Request.Send.about(null, newId(), EventKind.DELETE, line.seq(), null, null), "delete the message");
    }

    /** Adds our {@code emoji} to the message, or takes it back if it is there. */
    public void toggleReaction(ChatLine line, String emoji, String meId) {
        boolean mine =
                line.folded().reactions().stream().anyMatch(r -> r.emoji().equals(emoji) && r.by(meId));
        EventKind kind = mine ? EventKind.UNREACTION : EventKind.REACTION;
        send(
                Request.Send.about(null, newId(), kind, line.seq(), null, emoji),
                mine ? "take back " + emoji : "react with " + emoji);
    }

    /** An owner removes someone else's message. */
    public void remove(ChatLine line) {
        send(Request.Send.about(null, newId(), EventKind.REMOVE, line.seq(), null, null), "remove the message");
    }

    /** An owner removes a member from the group (they may join again). */
    public void kick(String userId, String name) {
        send(Request.Send.moderate(null, newId(), EventKind.KICK, userId), "remove " + name);
    }

    /** An owner bans a member: removed, and refused until the ban is lifted. */
    public void ban(String userId, String name) {
        send(Request.Send.moderate(null, newId(), EventKind.BAN, userId), "ban " + name);
    }

    private void send(Request.Send entry, String what) {
        pending.put(entry.id(), what);
        session.get().send(entry);
    }

    void stored(String id) {
        pending.remove(id);
    }

    /** True when {@code id} was one of these; the tab then says why it failed. */
    boolean failed(String id, String reason) {
        String what = pending.remove(id);
        if (what == null) {
            return false;
        }
        notice.set("Could not " + what + ": " + reason);
        return true;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
