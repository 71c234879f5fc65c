package org.groupchat.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A live group as the registry lists it, with the figures of its server's last heartbeat. {@code publicKey} (an
 * addition to the contract) is the group server's CURVE key, or absent when the group runs without security.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupInfo(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) String endpoint,
        @JsonProperty(required = true) int members,
        @JsonProperty(required = true) int online,
        @JsonProperty(required = true) long lastSeq,
        @JsonProperty(required = true) long since,
        String publicKey) {

    public GroupInfo(String name, String endpoint, int members, int online, long lastSeq, long since) {
        this(name, endpoint, members, online, lastSeq, since, null);
    }

    public boolean secure() {
        return publicKey != null;
    }
}
