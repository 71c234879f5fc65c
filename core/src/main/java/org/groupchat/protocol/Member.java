package org.groupchat.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A member of a group, and whether they made a request in the last 15 seconds. */
public record Member(@JsonProperty(required = true) String id, @JsonProperty(required = true) String name,
        @JsonProperty(required = true) boolean online) {}
