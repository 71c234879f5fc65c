package org.groupchat.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Every request of protocol version 1; the JSON field {@code op} selects the record. */
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

    record Send(User user, String id, String text) implements AsUser {
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
}
