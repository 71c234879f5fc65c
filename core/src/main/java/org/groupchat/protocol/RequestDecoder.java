package org.groupchat.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** Turns one request frame into a {@link Request}; anything malformed becomes a BAD_REQUEST, never a crash. */
public final class RequestDecoder {
    private RequestDecoder() {}

    public static Request decode(byte[] frame) throws ProtocolException {
        String text = utf8(frame);
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw bad("request is not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw bad("request must be a JSON object");
        }
        JsonNode op = tree.get("op");
        if (op == null || op.isNull()) {
            throw bad("request has no \"op\" field");
        }
        if (!op.isTextual()) {
            throw bad("\"op\" must be a string");
        }
        try {
            return Json.mapper().treeToValue(tree, Request.class);
        } catch (InvalidTypeIdException e) {
            throw bad("unknown op \"" + op.asText() + "\"");
        } catch (InputCoercionException e) {
            throw bad("a number is out of range: " + e.getOriginalMessage());
        } catch (JsonMappingException e) {
            throw bad(describe(e));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw bad("request could not be read: " + e.getMessage());
        }
    }

    private static String utf8(byte[] frame) throws ProtocolException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(frame))
                    .toString();
        } catch (CharacterCodingException e) {
            throw bad("request is not valid UTF-8");
        }
    }

    private static String describe(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        if (field.isEmpty()) {
            return "request could not be read: " + e.getOriginalMessage();
        }
        return "field \"" + field + "\" has the wrong type";
    }

    private static ProtocolException bad(String message) {
        return new ProtocolException(ErrorCode.BAD_REQUEST, message);
    }
}
