package org.groupchat.desktop.chat;

import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;

/**
 * One row of the message list: a stored message, or one of ours not yet stored ({@code seq} 0).
 * Immutable; a change of state replaces the row so the list redraws it.
 */
public record ChatLine(String id, long seq, long ts, User sender, String text, boolean own, SendState state,
        String problem) {

    static ChatLine stored(Message message, boolean own) {
        return new ChatLine(message.id(), message.seq(), message.ts(), message.sender(), message.text(), own,
                SendState.SENT, null);
    }

    static ChatLine pending(String id, User sender, String text, long now) {
        return new ChatLine(id, 0, now, sender, text, true, SendState.PENDING, null);
    }

    boolean isStored() {
        return seq > 0;
    }

    ChatLine failed(String reason) {
        return new ChatLine(id, seq, ts, sender, text, own, SendState.FAILED, reason);
    }

    ChatLine retrying() {
        return new ChatLine(id, seq, ts, sender, text, own, SendState.PENDING, null);
    }
}
