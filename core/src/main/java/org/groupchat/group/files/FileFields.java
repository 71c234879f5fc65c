package org.groupchat.group.files;

import java.util.Locale;
import java.util.regex.Pattern;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.ProtocolException;

/** The checks of the file ops' fields (PROTOCOL.md section 13), each refusal a sentence the app can show. */
final class FileFields {
    static final int MAX_NAME_CHARS = 255;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");
    static final String DEFAULT_MEDIA_TYPE = "application/octet-stream";

    private FileFields() {}

    static String name(String value) throws ProtocolException {
        if (value == null || value.isEmpty()) {
            throw bad("\"name\" is required: the file's name, 1 to " + MAX_NAME_CHARS + " characters");
        }
        int chars = value.codePointCount(0, value.length());
        if (chars > MAX_NAME_CHARS) {
            throw bad("\"name\" is " + chars + " characters; the limit is " + MAX_NAME_CHARS);
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) || c == '/' || c == '\\')) {
            throw bad("\"name\" must not contain control characters, '/' or '\\'");
        }
        return value;
    }

    static String sha256(String value, String field) throws ProtocolException {
        if (value == null || !SHA256.matcher(value).matches()) {
            throw bad("\"" + field + "\" must be 64 hex digits (a SHA-256)");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    static String mediaType(String value) throws ProtocolException {
        if (value == null) {
            return DEFAULT_MEDIA_TYPE;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.length() > 127 || !MEDIA_TYPE.matcher(lower).matches()) {
            throw bad("\"mediaType\" must be a media type like image/png, up to 127 characters");
        }
        return lower;
    }

    static long required(Long value, String field) throws ProtocolException {
        if (value == null) {
            throw bad("\"" + field + "\" is required");
        }
        return value;
    }

    static ProtocolException bad(String message) {
        return new ProtocolException(ErrorCode.BAD_REQUEST, message);
    }
}
