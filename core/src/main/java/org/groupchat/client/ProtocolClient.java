package org.groupchat.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.zeromq.ZContext;

/** Sends typed requests over a {@link ReqChannel} and turns replies into records or typed exceptions. */
abstract class ProtocolClient implements AutoCloseable {
    private final ReqChannel channel;

    ProtocolClient(ZContext context, String endpoint, ClientOptions options) {
        this.channel = new ReqChannel(context, endpoint, options);
    }

    public String endpoint() {
        return channel.endpoint();
    }

    public Reply.Pong ping() {
        return call(new Request.Ping(), Reply.Pong.class);
    }

    final <T extends Reply> T call(Request request, Class<T> replyType) {
        return call(request, replyType, Duration.ZERO);
    }

    final <T extends Reply> T call(Request request, Class<T> replyType, Duration extraWait) {
        byte[] reply = channel.call(Json.write(request), extraWait);
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(reply);
        } catch (IOException e) {
            throw new ServerErrorException(ErrorCode.INTERNAL, "unreadable reply from " + endpoint(), null);
        }
        if (!tree.path("ok").asBoolean(false)) {
            JsonNode error = tree.path("error");
            throw new ServerErrorException(codeOf(error.path("code").asText()), error.path("message").asText(),
                    error.hasNonNull("retryAfterMs") ? error.get("retryAfterMs").asLong() : null);
        }
        try {
            return Json.mapper().treeToValue(tree, replyType);
        } catch (JsonProcessingException e) {
            throw new ServerErrorException(ErrorCode.INTERNAL, "unexpected reply from " + endpoint() + ": " + e.getOriginalMessage(), null);
        }
    }

    private static ErrorCode codeOf(String code) {
        try {
            return ErrorCode.valueOf(code);
        } catch (IllegalArgumentException e) {
            return ErrorCode.INTERNAL;
        }
    }

    @Override
    public void close() {
        channel.close();
    }
}
