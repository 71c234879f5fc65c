package org.groupchat.group;

import java.util.List;
import org.groupchat.protocol.FileInfo;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.MessageTextInLogs;
import org.groupchat.protocol.User;

/**
 * A validated SEND waiting to be stored: the client's message id, the sender, the trimmed text and, for an event of
 * protocol 1.4, its kind and the fields that kind carries (null where it has none; kind null for a plain message).
 */
public record NewMessage(
        String id,
        User sender,
        String text,
        String kind,
        Long replyTo,
        Long target,
        String emoji,
        String member,
        List<String> mentions,
        FileInfo file) {

    public NewMessage(String id, User sender, String text) {
        this(id, sender, text, null, null, null, null, null, null, null);
    }

    public NewMessage(
            String id,
            User sender,
            String text,
            String kind,
            Long replyTo,
            Long target,
            String emoji,
            String member,
            List<String> mentions) {
        this(id, sender, text, kind, replyTo, target, emoji, member, mentions, null);
    }

    /** A {@code file} event (1.5): appended once the file's bytes are stored and verified. */
    public static NewMessage file(User sender, String text, FileInfo file) {
        return new NewMessage(file.id(), sender, text, "file", null, null, null, null, null, file);
    }

    /** The message as stored with this seq and ts. */
    public Message stored(long seq, long ts) {
        return new Message(seq, id, ts, sender, text, kind, replyTo, target, emoji, member, mentions, file);
    }

    @Override
    public String toString() {
        return "NewMessage[id=" + id + ", sender=" + sender + ", text=" + MessageTextInLogs.of(text)
                + (kind == null ? "" : ", kind=" + kind) + "]";
    }
}
