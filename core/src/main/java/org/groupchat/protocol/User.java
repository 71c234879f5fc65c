package org.groupchat.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A chat user: a UUID that identifies them and the display name others see. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record User(String id, String name) {
    public static User ofId(String id) {
        return new User(id, null);
    }
}
