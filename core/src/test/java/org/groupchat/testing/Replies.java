package org.groupchat.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on raw JSON replies, as a third-party client would see them. */
public final class Replies {
    private Replies() {}

    public static JsonNode assertOk(JsonNode reply) {
        assertThat(reply.path("ok").asBoolean()).as("ok in %s", reply).isTrue();
        return reply;
    }

    public static JsonNode assertError(JsonNode reply, String code) {
        assertThat(reply.path("ok").isBoolean() && !reply.path("ok").asBoolean())
                .as("ok:false in %s", reply)
                .isTrue();
        assertThat(reply.path("error").path("code").asText())
                .as("error code in %s", reply)
                .isEqualTo(code);
        assertThat(reply.path("error").path("message").asText())
                .as("error message in %s", reply)
                .isNotBlank();
        return reply;
    }
}
