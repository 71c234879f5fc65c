package org.groupchat.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A stored chat message: per-group sequence number, client id, server timestamp, sender and text. */
public record Message(@JsonProperty(required = true) long seq, @JsonProperty(required = true) String id,
        @JsonProperty(required = true) long ts, @JsonProperty(required = true) User sender,
        @JsonProperty(required = true) String text) {

    @Override
    public String toString() {
        return "Message[seq=" + seq + ", id=" + id + ", ts=" + ts + ", sender=" + sender + ", text="
                + MessageTextInLogs.of(text) + "]";
    }
}
