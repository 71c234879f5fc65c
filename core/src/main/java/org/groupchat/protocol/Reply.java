package org.groupchat.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** Every reply of protocol version 1: {@code {"ok": true, ...}} or a {@link Failure}. */
@JsonPropertyOrder({"ok"})
public sealed interface Reply {

    @JsonProperty("ok")
    default boolean ok() {
        return true;
    }

    record Pong(String role, String version, int protocol) implements Reply {}

    record Registered(long leaseMs) implements Reply {}

    /** A success that carries nothing but {@code "ok": true}. */
    record Done() implements Reply {}

    record GroupList(List<GroupInfo> groups) implements Reply {}

    record GroupFound(GroupInfo group) implements Reply {}

    record Joined(long lastSeq, List<User> members) implements Reply {}

    record Sent(Message message) implements Reply {}

    record Fetched(List<Message> messages, long lastSeq, boolean more) implements Reply {}

    record History(List<Message> messages, boolean more) implements Reply {}

    record MemberList(List<Member> members) implements Reply {}

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
