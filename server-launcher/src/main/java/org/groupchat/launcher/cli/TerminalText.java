package org.groupchat.launcher.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.groupchat.protocol.Json;

/**
 * The one way the command-line client prints text that came from a server or another member: control characters
 * (C0, DEL, C1), bidi controls and line separators are written as visible escapes ({@code \e}, {@code \u009b}), so a
 * member cannot retitle or clear the terminal, move the cursor, reorder a line or fake one. The same on a terminal
 * and in a file.
 */
public final class TerminalText {
    private static final ObjectWriter JSON = Json.mapper().writer().with(new JsonEscapes());

    private TerminalText() {}

    /** Message text: newlines and tabs are kept, every other dangerous character escaped. */
    public static String text(String value) {
        return escape(value, true);
    }

    /** A single-line field (a name, an error message, an endpoint): newlines and tabs are escaped too. */
    public static String line(String value) {
        return escape(value, false);
    }

    /** One JSON document on one line, with the same characters written as JSON {@code \}{@code u} escapes. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static String escape(String value, boolean keepLineBreaks) {
        if (value == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean kept = !dangerous(c) || keepLineBreaks && (c == '\n' || c == '\t');
            if (kept && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (kept) {
                out.append(c);
            } else if (c == '\u001b') {
                out.append("\\e");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\r') {
                out.append("\\r");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? value : out.toString();
    }

    /** C0, DEL, C1, the bidi embeddings, overrides, isolates and marks, and the Unicode line separators. */
    static boolean dangerous(int c) {
        return c < 0x20
                || c >= 0x7f && c <= 0x9f
                || c >= 0x202a && c <= 0x202e
                || c >= 0x2066 && c <= 0x2069
                || c == 0x200e
                || c == 0x200f
                || c == 0x061c
                || c == 0x2028
                || c == 0x2029;
    }

    /** Jackson escapes C0 already; this adds DEL, C1 and the bidi and separator characters. */
    private static final class JsonEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        JsonEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            return dangerous(c) ? new SerializedString(String.format("\\u%04x", c)) : null;
        }
    }
}
