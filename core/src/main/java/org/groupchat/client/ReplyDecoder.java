package org.groupchat.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Reply;

/** Turns a reply frame into the expected record, or a {@link ServerErrorException} carrying the server's error. */
public final class ReplyDecoder {
    private ReplyDecoder() {}

    public static <T extends Reply> T decode(byte[] frame, Class<T> type) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(frame);
        } catch (IOException e) {
            throw new ServerErrorException(ErrorCode.INTERNAL, "unreadable reply", null);
        }
        if (!tree.path("ok").asBoolean(false)) {
            JsonNode error = tree.path("error");
            throw new ServerErrorException(codeOf(error.path("code").asText()), error.path("message").asText(),
                    error.hasNonNull("retryAfterMs") ? error.get("retryAfterMs").asLong() : null);
        }
        try {
            return Json.mapper().treeToValue(tree, type);
        } catch (IOException e) {
            throw new ServerErrorException(ErrorCode.INTERNAL, "unexpected reply: " + e.getMessage(), null);
        }
    }

    private static ErrorCode codeOf(String code) {
        try {
            return ErrorCode.valueOf(code);
        } catch (IllegalArgumentException e) {
            return ErrorCode.INTERNAL;
        }
    }
}
