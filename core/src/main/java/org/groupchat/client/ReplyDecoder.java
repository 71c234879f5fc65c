package org.groupchat.client;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Ops;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;

/**
 * Turns a reply frame into the expected record, a {@link ServerErrorException} carrying the server's error, or a
 * {@link ProtocolViolationException} when the reply breaks the protocol. It never throws anything else.
 */
public final class ReplyDecoder {
    /** The longest wait a RATE_LIMITED reply may ask for. */
    static final long MAX_RETRY_AFTER_MS = 86_400_000L;

    private ReplyDecoder() {}

    /** Decodes a reply without knowing the request or the server: only the rules that hold for any such reply. */
    public static <T extends Reply> T decode(byte[] frame, Class<T> type) {
        return decode(frame, null, type, null);
    }

    /** Decodes the reply to {@code request} from the server at {@code endpoint} (named in a violation). */
    public static <T extends Reply> T decode(byte[] frame, Request request, Class<T> type, String endpoint) {
        String op = request == null ? null : Ops.of(request);
        if (frame.length == 0) {
            throw new ProtocolViolationException(endpoint, op, "is empty");
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(frame);
        } catch (IOException | RuntimeException e) {
            throw new ProtocolViolationException(endpoint, op, "is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new ProtocolViolationException(endpoint, op, "is not a JSON object");
        }
        JsonNode ok = tree.get("ok");
        if (ok == null || !ok.isBoolean()) {
            throw new ProtocolViolationException(endpoint, op, "has no \"ok\": true or false");
        }
        if (!ok.booleanValue()) {
            throw refusal(tree.get("error"), endpoint, op);
        }
        T reply;
        try {
            reply = Json.mapper().treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw new ProtocolViolationException(endpoint, op, misfit(e));
        } catch (IOException | RuntimeException e) {
            throw new ProtocolViolationException(endpoint, op, "does not have the fields of the reply asked for");
        }
        try {
            ReplyContract.check(reply, request);
        } catch (ReplyContract.Breach breach) {
            throw new ProtocolViolationException(endpoint, op, breach.getMessage());
        }
        return reply;
    }

    private static ServerErrorException refusal(JsonNode error, String endpoint, String op) {
        if (error == null || !error.isObject()) {
            return new ProtocolViolationException(endpoint, op, "is a failure without an \"error\" object");
        }
        JsonNode code = error.get("code");
        ErrorCode known = code != null && code.isTextual() ? codeOf(code.textValue()) : null;
        if (known == null) {
            return new ProtocolViolationException(endpoint, op, "is a failure without a known error code");
        }
        JsonNode message = error.get("message");
        if (message == null || !message.isTextual()) {
            return new ProtocolViolationException(endpoint, op, "is a failure without an error message");
        }
        JsonNode retry = error.get("retryAfterMs");
        if (retry != null
                && !(retry.isIntegralNumber()
                        && retry.canConvertToLong()
                        && retry.longValue() >= 0
                        && retry.longValue() <= MAX_RETRY_AFTER_MS)) {
            return new ProtocolViolationException(
                    endpoint,
                    op,
                    "has a retryAfterMs that is not a whole number of ms from 0 to " + MAX_RETRY_AFTER_MS);
        }
        return new ServerErrorException(known, message.textValue(), retry == null ? null : retry.longValue());
    }

    private static ErrorCode codeOf(String code) {
        for (ErrorCode candidate : ErrorCode.values()) {
            if (candidate.name().equals(code)) {
                return candidate;
            }
        }
        return null;
    }

    /** Which field did not fit, by its path; never the library's own message. */
    private static String misfit(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            } else if (step.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".")
                        .append(step.getFieldName().replaceAll("[^A-Za-z0-9_]", "?"));
            }
        }
        return path.length() == 0
                ? "does not have the fields of the reply asked for"
                : "has a missing or ill-typed field at \"" + path + "\"";
    }
}
