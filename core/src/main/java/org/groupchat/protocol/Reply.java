package org.groupchat.protocol;

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

    record Pong(@JsonProperty(required = true) String role, @JsonProperty(required = true) String version, @JsonProperty(required = true) int protocol) implements Reply {}

    record Registered(@JsonProperty(required = true) long leaseMs) implements Reply {}

    /** A success that carries nothing but {@code "ok": true}. */
    record Done() implements Reply {}

    record GroupList(@JsonProperty(required = true) List<GroupInfo> groups) implements Reply {}

    record GroupFound(@JsonProperty(required = true) GroupInfo group) implements Reply {}

    record Joined(@JsonProperty(required = true) long lastSeq, @JsonProperty(required = true) List<User> members) implements Reply {}

    record Sent(@JsonProperty(required = true) Message message) implements Reply {}

    record Fetched(@JsonProperty(required = true) List<Message> messages, @JsonProperty(required = true) long lastSeq,
            @JsonProperty(required = true) boolean more) implements Reply {}

    record History(@JsonProperty(required = true) List<Message> messages, @JsonProperty(required = true) boolean more) implements Reply {}

    record MemberList(@JsonProperty(required = true) List<Member> members) implements Reply {}

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
