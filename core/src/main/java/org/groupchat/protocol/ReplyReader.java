package org.groupchat.protocol;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * The one decoder of reply frames: a frame becomes the record asked for, or the server's {@link Reply.Failure}, or a
 * {@link Malformed} saying how it breaks the rules that hold for every reply. What a reply must say about its request
 * (a seq in range, no more messages than asked for) is the client's to check.
 */
public final class ReplyReader {
    /** The longest wait a RATE_LIMITED reply may ask for. */
    public static final long MAX_RETRY_AFTER_MS = 86_400_000L;

    private ReplyReader() {}

    /** A reply that breaks the protocol; its message completes "its reply ...". */
    public static final class Malformed extends Exception {
        Malformed(String what) {
            super(what, null, false, false);
        }
    }

    /** {@code frame} as a {@code type}, or as the {@link Reply.Failure} the server answered instead. */
    public static Reply read(byte[] frame, Class<? extends Reply> type) throws Malformed {
        if (frame.length == 0) {
            throw new Malformed("is empty");
        }
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(frame);
        } catch (IOException | RuntimeException e) {
            throw new Malformed("is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new Malformed("is not a JSON object");
        }
        JsonNode ok = tree.get("ok");
        if (ok == null || !ok.isBoolean()) {
            throw new Malformed("has no \"ok\": true or false");
        }
        if (!ok.booleanValue()) {
            return failure(tree.get("error"));
        }
        try {
            return Json.mapper().treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw new Malformed(misfit(e));
        } catch (IOException | RuntimeException e) {
            throw new Malformed("does not have the fields of the reply asked for");
        }
    }

    private static Reply.Failure failure(JsonNode error) throws Malformed {
        if (error == null || !error.isObject()) {
            throw new Malformed("is a failure without an \"error\" object");
        }
        JsonNode code = error.get("code");
        ErrorCode known = code != null && code.isTextual() ? codeOf(code.textValue()) : null;
        if (known == null) {
            throw new Malformed("is a failure without a known error code");
        }
        JsonNode message = error.get("message");
        if (message == null || !message.isTextual()) {
            throw new Malformed("is a failure without an error message");
        }
        JsonNode retry = error.get("retryAfterMs");
        if (retry != null
                && !(retry.isIntegralNumber()
                        && retry.canConvertToLong()
                        && retry.longValue() >= 0
                        && retry.longValue() <= MAX_RETRY_AFTER_MS)) {
            throw new Malformed("has a retryAfterMs that is not a whole number of ms from 0 to " + MAX_RETRY_AFTER_MS);
        }
        return Reply.Failure.of(known, message.textValue(), retry == null ? null : retry.longValue());
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
