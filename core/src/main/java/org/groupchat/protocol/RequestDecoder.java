package org.groupchat.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/** Turns one request frame into a {@link Request}; anything malformed becomes a BAD_REQUEST, never a crash. */
public final class RequestDecoder {
    // Built once: readValue(bytes, Request.class) would resolve the type and find its deserializer on every request.
    private static final ObjectReader READER = Json.mapper().readerFor(Request.class);

    private RequestDecoder() {}

    public static Request decode(byte[] frame) throws ProtocolException {
        requireUtf8(frame);
        try {
            Request request = READER.readValue(frame);
            if (request != null) {
                return request;
            }
        } catch (IOException | IllegalArgumentException e) {
            // the tree below says precisely what is wrong
        }
        throw explain(new String(frame, StandardCharsets.UTF_8));
    }

    /** The BAD_REQUEST for a frame that did not decode: read again as a tree, to name what is wrong. */
    private static ProtocolException explain(String text) {
        JsonNode tree;
        try {
            tree = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return bad("request is not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            return bad("request must be a JSON object");
        }
        JsonNode op = tree.get("op");
        if (op == null || op.isNull()) {
            return bad("request has no \"op\" field");
        }
        if (!op.isTextual()) {
            return bad("\"op\" must be a string");
        }
        try {
            Json.mapper().treeToValue(tree, Request.class);
            return bad("request could not be read");
        } catch (InvalidTypeIdException e) {
            return bad("unknown op \"" + op.asText() + "\"");
        } catch (InputCoercionException e) {
            return bad("a number is out of range: " + e.getOriginalMessage());
        } catch (JsonMappingException e) {
            return bad(describe(e));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return bad("request could not be read: " + e.getMessage());
        }
    }

    private static void requireUtf8(byte[] frame) throws ProtocolException {
        for (byte b : frame) {
            if (b < 0) {
                try {
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(frame));
                    return;
                } catch (CharacterCodingException e) {
                    throw bad("request is not valid UTF-8");
                }
            }
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
