package org.groupchat.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Every reply of protocol version 1: {@code {"ok": true, ...}} or a {@link Failure}. Fields marked required must be
 * in a reply a client reads; a reply without one breaks the protocol.
 */
@JsonPropertyOrder({"ok"})
public sealed interface Reply {

    @JsonProperty("ok")
    default boolean ok() {
        return true;
    }

    /** {@code features} (1.1): what the server supports beyond version 1, by name (PROTOCOL.md). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Pong(
            @JsonProperty(required = true) String role,
            @JsonProperty(required = true) String version,
            @JsonProperty(required = true) int protocol,
            List<String> features)
            implements Reply {
        public Pong(String role, String version, int protocol) {
            this(role, version, protocol, null);
        }
    }

    record Registered(@JsonProperty(required = true) long leaseMs) implements Reply {}

    /** A success that carries nothing but {@code "ok": true}. */
    record Done() implements Reply {}

    record GroupList(@JsonProperty(required = true) List<GroupInfo> groups) implements Reply {}

    record GroupFound(@JsonProperty(required = true) GroupInfo group) implements Reply {}

    /**
     * {@code historyId} (1.1, feature "history-id"): changes when the group's history is replaced, as by a restore.
     * {@code readSeq} (1.4, "read-markers"): how far this user has read. {@code owner} (1.4, "moderation"): true when
     * this user is an owner of the group.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Joined(
            @JsonProperty(required = true) long lastSeq,
            @JsonProperty(required = true) List<User> members,
            String historyId,
            Long readSeq,
            Boolean owner)
            implements Reply {
        public Joined(long lastSeq, List<User> members) {
            this(lastSeq, members, null, null, null);
        }

        public Joined(long lastSeq, List<User> members, String historyId) {
            this(lastSeq, members, historyId, null, null);
        }
    }

    record Sent(@JsonProperty(required = true) Message message) implements Reply {}

    /**
     * {@code firstSeq} (1.2, feature "retention"): where the stored history begins, once retention has dropped older.
     * {@code readSeq} (1.4, "read-markers"): how far this user has read, so two copies of one identity agree.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Fetched(
            @JsonProperty(required = true) List<Message> messages,
            @JsonProperty(required = true) long lastSeq,
            @JsonProperty(required = true) boolean more,
            String historyId,
            Long firstSeq,
            Long readSeq)
            implements Reply {
        public Fetched(List<Message> messages, long lastSeq, boolean more) {
            this(messages, lastSeq, more, null, null, null);
        }

        public Fetched(List<Message> messages, long lastSeq, boolean more, String historyId, Long firstSeq) {
            this(messages, lastSeq, more, historyId, firstSeq, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record History(
            @JsonProperty(required = true) List<Message> messages,
            @JsonProperty(required = true) boolean more,
            Long firstSeq)
            implements Reply {
        public History(List<Message> messages, boolean more) {
            this(messages, more, null);
        }
    }

    record MemberList(@JsonProperty(required = true) List<Member> members) implements Reply {}

    /** 1.4, MARK_READ: the user's marker now (never lower than before). */
    record MarkedRead(@JsonProperty(required = true) long readSeq) implements Reply {}

    /**
     * 1.4, SEARCH: the hits, newest first, each the original message (its seq, id, ts, sender) with its current text
     * (after edits); {@code more} = older hits exist (ask again with {@code beforeSeq} = the last hit's seq).
     */
    record SearchHits(
            @JsonProperty(required = true) List<Message> hits,
            @JsonProperty(required = true) boolean more) implements Reply {}

    /**
     * 1.5, FILE_BEGIN and FILE_CHUNK: how many bytes of the upload the server holds ({@code offset}) and, once
     * {@code complete}, the {@code file} event ({@code message}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FileProgress(
            @JsonProperty(required = true) String fileId,
            @JsonProperty(required = true) int chunkSize,
            @JsonProperty(required = true) long offset,
            @JsonProperty(required = true) boolean complete,
            Message message)
            implements Reply {}

    /** 1.5, FILE_GET: the file's description and the chunk at {@code offset}, in the frame after the JSON ({@link #bytes}). */
    record FileData(
            @JsonProperty(required = true) FileInfo file,
            @JsonProperty(required = true) int chunkSize,
            @JsonProperty(required = true) long offset,
            @JsonIgnore byte[] bytes)
            implements Reply, WithBytes {
        /** The same reply with the bytes of its second frame. */
        public FileData withBytes(byte[] frame) {
            return new FileData(file, chunkSize, offset, frame);
        }
    }

    /** A reply that carries bytes in one binary frame after its JSON (1.5, the file ops). */
    interface WithBytes {
        byte[] bytes();
    }

    @JsonPropertyOrder({"ok", "error"})
    record Failure(Error error) implements Reply {
        public static Failure of(ErrorCode code, String message, Long retryAfterMs) {
            return new Failure(new Error(code, message, retryAfterMs));
        }

        @Override
        public boolean ok() {
            return false;
        }
    }

    /** The body of a failure: a code, a human sentence and, for RATE_LIMITED, when to retry. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(ErrorCode code, String message, Long retryAfterMs) {}
}
