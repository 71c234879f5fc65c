package org.groupchat.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** The contract's rules for field values, shared by servers and clients. Each check names the field it refuses. */
public final class Fields {
    public static final int MAX_NAME_CHARS = 64;
    public static final int MAX_TEXT_BYTES = 16_384;
    public static final int MAX_LIMIT = 500;
    public static final int MAX_WAIT_MS = 30_000;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Fields() {}

    /** Returns the UUID in its canonical lower-case form. */
    public static String uuid(String value, String field) throws ProtocolException {
        if (value == null) {
            throw bad("\"" + field + "\" is required");
        }
        if (!UUID_TEXT.matcher(value).matches()) {
            throw bad("\"" + field + "\" must be a UUID like 123e4567-e89b-12d3-a456-426614174000");
        }
        return UUID.fromString(value).toString().toLowerCase(Locale.ROOT);
    }

    public static String userId(User user) throws ProtocolException {
        if (user == null) {
            throw bad("\"user\" is required");
        }
        return uuid(user.id(), "user.id");
    }

    /** A display or group name: trimmed, 1..64 characters, no control characters. */
    public static String name(String value, String field) throws ProtocolException {
        return name(value, Subject.field(field));
    }

    /** As {@link #name(String, String)}, in sentences about {@code subject} (e.g. a dialog's "The group name"). */
    public static String name(String value, Subject subject) throws ProtocolException {
        if (value == null) {
            throw bad(subject + " is required");
        }
        String trimmed = value.strip();
        int chars = trimmed.codePointCount(0, trimmed.length());
        if (chars == 0) {
            throw bad(subject + " must not be empty");
        }
        if (chars > MAX_NAME_CHARS) {
            throw bad(subject + " is " + chars + " characters; the limit is " + MAX_NAME_CHARS);
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw bad(subject + " must not contain control characters");
        }
        return trimmed;
    }

    /** Message text: trimmed, 1..16384 UTF-8 bytes, no control characters but tab and newline. */
    public static String text(String value) throws ProtocolException {
        if (value == null) {
            throw bad("\"text\" is required");
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw bad("\"text\" is empty");
        }
        // Defence in depth for clients that print text raw: ESC, BEL, CR, C1 move cursors and retitle terminals.
        int control = trimmed.codePoints()
                .filter(c -> Character.isISOControl(c) && c != '\n' && c != '\t')
                .findFirst()
                .orElse(-1);
        if (control >= 0) {
            throw bad(String.format(
                    "\"text\" must not contain control characters other than tab and newline (found U+%04X)", control));
        }
        int bytes = trimmed.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEXT_BYTES) {
            throw new ProtocolException(
                    ErrorCode.TOO_LARGE, "text is " + bytes + " bytes; the limit is " + MAX_TEXT_BYTES + " bytes");
        }
        return trimmed;
    }

    /** A ZeroMQ TCP endpoint a client can connect to: tcp://host:port with a real host and port. */
    public static String connectableEndpoint(String value, String field) throws ProtocolException {
        return connectableEndpoint(value, Subject.field(field));
    }

    /** As {@link #connectableEndpoint(String, String)}, in sentences about {@code subject}. */
    public static String connectableEndpoint(String value, Subject subject) throws ProtocolException {
        if (value == null) {
            throw bad(subject + " is required");
        }
        Endpoint endpoint;
        try {
            endpoint = Endpoint.parse(value);
        } catch (IllegalArgumentException e) {
            throw bad(subject + ": " + e.getMessage());
        }
        if (endpoint.isWildcard()) {
            throw bad(subject + " must name a host clients can reach, not " + endpoint.host());
        }
        if (endpoint.port() == 0) {
            throw bad(subject + " must name a port from 1 to 65535");
        }
        return endpoint.toString();
    }

    /** What a refusal speaks of: a request's field ("\"name\"", quoted) or an input a person filled in. */
    public record Subject(String words) {
        public static Subject field(String name) {
            return new Subject("\"" + name + "\"");
        }

        @Override
        public String toString() {
            return words;
        }
    }

    public static int limit(Integer value, int defaultLimit) throws ProtocolException {
        if (value == null) {
            return defaultLimit;
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw bad("\"limit\" must be between 1 and " + MAX_LIMIT);
        }
        return value;
    }

    public static int waitMs(Integer value) throws ProtocolException {
        if (value == null) {
            return 0;
        }
        if (value < 0 || value > MAX_WAIT_MS) {
            throw bad("\"waitMs\" must be between 0 and " + MAX_WAIT_MS);
        }
        return value;
    }

    public static long nonNegative(Long value, String field) throws ProtocolException {
        if (value < 0) {
            throw bad("\"" + field + "\" must not be negative");
        }
        return value;
    }

    private static ProtocolException bad(String message) {
        return new ProtocolException(ErrorCode.BAD_REQUEST, message);
    }
}
