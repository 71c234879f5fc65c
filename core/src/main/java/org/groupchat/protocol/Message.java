package org.groupchat.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One entry of a group's log: per-group sequence number, client id, server timestamp, sender and text. Since 1.4 an
 * entry may be an event other than a plain message ({@code kind}, see {@link EventKind}), pointing at earlier seqs
 * ({@code replyTo}, {@code target}); its {@code text} is always what a v1 client shows for it. A {@code file} event
 * (1.5) describes its file in {@code file}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Message(
        @JsonProperty(required = true) long seq,
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) long ts,
        @JsonProperty(required = true) User sender,
        @JsonProperty(required = true) String text,
        String kind,
        Long replyTo,
        Long target,
        String emoji,
        String member,
        List<String> mentions,
        FileInfo file) {

    public Message(long seq, String id, long ts, User sender, String text) {
        this(seq, id, ts, sender, text, null, null, null, null, null, null, null);
    }

    /** An entry without a file (every kind but {@code file}, 1.5). */
    public Message(
            long seq,
            String id,
            long ts,
            User sender,
            String text,
            String kind,
            Long replyTo,
            Long target,
            String emoji,
            String member,
            List<String> mentions) {
        this(seq, id, ts, sender, text, kind, replyTo, target, emoji, member, mentions, null);
    }

    /** The kind this client knows it as; {@link EventKind#UNKNOWN} for a kind of a later addition. */
    public EventKind eventKind() {
        return EventKind.of(kind);
    }

    @Override
    public String toString() {
        return "Message[seq=" + seq + ", id=" + id + ", ts=" + ts + ", sender=" + sender + ", text="
                + MessageTextInLogs.of(text) + (kind == null ? "" : ", kind=" + kind)
                + (target == null ? "" : ", target=" + target) + (replyTo == null ? "" : ", replyTo=" + replyTo) + "]";
    }
}
