package org.groupchat.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A member of a group, and whether they made a request in the last 15 seconds; {@code owner} (1.4, feature
 * "moderation") is true for the group's owners and absent otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Member(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) boolean online,
        @JsonProperty("owner") Boolean owner) {

    public Member(String id, String name, boolean online) {
        this(id, name, online, null);
    }

    @JsonIgnore
    public boolean isOwner() {
        return Boolean.TRUE.equals(owner);
    }
}
