package org.groupchat.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A group's name, the endpoint its server answers on, and its CURVE public key (absent without security). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupRef(String name, String endpoint, String publicKey) {

    public GroupRef(String name, String endpoint) {
        this(name, endpoint, null);
    }
}
