package org.groupchat.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** Every request of protocol version 1 and its additions; the JSON field {@code op} selects the record. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Request.Ping.class, name = "PING"),
    @JsonSubTypes.Type(value = Request.Register.class, name = "REGISTER"),
    @JsonSubTypes.Type(value = Request.Unregister.class, name = "UNREGISTER"),
    @JsonSubTypes.Type(value = Request.ListGroups.class, name = "LIST"),
    @JsonSubTypes.Type(value = Request.Lookup.class, name = "LOOKUP"),
    @JsonSubTypes.Type(value = Request.Join.class, name = "JOIN"),
    @JsonSubTypes.Type(value = Request.Leave.class, name = "LEAVE"),
    @JsonSubTypes.Type(value = Request.Send.class, name = "SEND"),
    @JsonSubTypes.Type(value = Request.Fetch.class, name = "FETCH"),
    @JsonSubTypes.Type(value = Request.Before.class, name = "BEFORE"),
    @JsonSubTypes.Type(value = Request.Members.class, name = "MEMBERS"),
    @JsonSubTypes.Type(value = Request.MarkRead.class, name = "MARK_READ"),
    @JsonSubTypes.Type(value = Request.Search.class, name = "SEARCH"),
    @JsonSubTypes.Type(value = Request.FileBegin.class, name = "FILE_BEGIN"),
    @JsonSubTypes.Type(value = Request.FileChunk.class, name = "FILE_CHUNK"),
    @JsonSubTypes.Type(value = Request.FileGet.class, name = "FILE_GET"),
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Request {

    /** A request made as one user: a secure group server checks the id against the connection's key. */
    sealed interface AsUser extends Request {
        User user();
    }

    /** Asks any server for its role and version. */
    record Ping() implements Request {}

    /**
     * A group server announces itself to the registry; repeated as the lease heartbeat. {@code epoch} (an addition to
     * the contract, may be null) is the server's turn from the group's database: a newer epoch takes the name over at
     * once, an older one is refused.
     */
    record Register(GroupRef group, GroupStats stats, Long epoch) implements Request {
        public Register(GroupRef group, GroupStats stats) {
            this(group, stats, null);
        }
    }

    /**
     * A group server leaves the registry on a clean stop. With {@code endpoint} (an addition to the contract), only a
     * lease held at that endpoint is removed, so a server refused with NAME_TAKEN cannot remove the holder's lease.
     */
    record Unregister(String name, String endpoint) implements Request {
        public static Unregister named(String name) {
            return new Unregister(name, null);
        }
    }

    /** Asks the registry for the live groups. */
    record ListGroups() implements Request {}

    /** Asks the registry for one live group by name (an addition to the contract). */
    record Lookup(String name) implements Request {}

    record Join(User user) implements AsUser {}

    record Leave(User user) implements AsUser {}

    /**
     * Appends one entry to the group's log. Since 1.4 it may be an event other than a message ({@code kind}, see
     * {@link EventKind}) with the fields its kind names; the server writes the text of the kinds that have none.
     */
    record Send(
            User user,
            String id,
            String text,
            String kind,
            Long replyTo,
            Long target,
            String emoji,
            String member,
            List<String> mentions)
            implements AsUser {
        public Send(User user, String id, String text) {
            this(user, id, text, null, null, null, null, null, null);
        }

        /** A message that quotes {@code replyTo} (may be null) and mentions the given members (may be empty). */
        public static Send message(User user, String id, String text, Long replyTo, List<String> mentions) {
            return new Send(
                    user,
                    id,
                    text,
                    null,
                    replyTo,
                    null,
                    null,
                    null,
                    mentions == null || mentions.isEmpty() ? null : mentions);
        }

        /** An event about an earlier message: edit (with text), delete, reaction, unreaction (with emoji), remove. */
        public static Send about(User user, String id, EventKind kind, long target, String text, String emoji) {
            return new Send(user, id, text, kind.wire(), null, target, emoji, null, null);
        }

        /** An owner's kick, ban or unban of {@code member} (a user id). */
        public static Send moderate(User user, String id, EventKind kind, String member) {
            return new Send(user, id, null, kind.wire(), null, null, null, member, null);
        }

        @Override
        public String toString() {
            return "Send[user=" + user + ", id=" + id + ", text=" + MessageTextInLogs.of(text) + "]";
        }
    }

    record Fetch(User user, Long afterSeq, Long since, Integer limit, Integer waitMs) implements AsUser {
        public static Fetch after(User user, long afterSeq, int limit, int waitMs) {
            return new Fetch(user, afterSeq, null, limit, waitMs);
        }

        public static Fetch since(User user, long sinceMs, int limit) {
            return new Fetch(user, null, sinceMs, limit, 0);
        }

        public static Fetch newest(User user, int limit) {
            return new Fetch(user, null, null, limit, 0);
        }
    }

    record Before(User user, Long beforeSeq, Integer limit) implements AsUser {}

    record Members(User user) implements AsUser {}

    /** 1.4, feature "read-markers": the user has read the group up to {@code seq}; markers only move forward. */
    record MarkRead(User user, Long seq) implements AsUser {}

    /**
     * 1.4, feature "search": messages whose current text holds every word of {@code query} (the last one also as a
     * prefix), newest first; {@code beforeSeq} pages on to older hits.
     */
    record Search(User user, String query, Integer limit, Long beforeSeq) implements AsUser {
        public static Search of(User user, String query) {
            return new Search(user, query, null, null);
        }
    }

    /** 1.5, feature "files": the ops of a file transfer (PROTOCOL.md section 13). */
    sealed interface FileOp extends AsUser {
        String fileId();
    }

    /**
     * Announces an upload, or resumes it (same {@code fileId}, same fields); the reply says how many bytes the server
     * already holds.
     */
    record FileBegin(User user, String fileId, String name, Long size, String sha256, String mediaType)
            implements FileOp {}

    /**
     * One chunk of an upload at {@code offset}, its bytes in the frame after the JSON ({@link #bytes}, not part of the
     * JSON); {@code sha256} is the chunk's own hash.
     */
    record FileChunk(
            User user,
            String fileId,
            Long offset,
            String sha256,
            @JsonIgnore byte[] bytes) implements FileOp {
        /** The same request with the bytes of its second frame. */
        public FileChunk withBytes(byte[] frame) {
            return new FileChunk(user, fileId, offset, sha256, frame);
        }

        @Override
        public String toString() {
            return "FileChunk[user=" + user + ", fileId=" + fileId + ", offset=" + offset + ", bytes="
                    + (bytes == null ? "none" : bytes.length) + "]";
        }
    }

    /** Asks for the chunk of a shared file at {@code offset} (null: 0); the reply carries it in a second frame. */
    record FileGet(User user, String fileId, Long offset) implements FileOp {}
}
