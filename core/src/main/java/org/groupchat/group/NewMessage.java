package org.groupchat.group;

import org.groupchat.protocol.User;

/** A validated SEND waiting to be stored: the client's message id, the sender and the trimmed text. */
public record NewMessage(String id, User sender, String text) {
    @Override
    public String toString() {
        return "NewMessage[id=" + id + ", sender=" + sender + ", text=" + org.groupchat.protocol.MessageTextInLogs.of(text) + "]";
    }
}
