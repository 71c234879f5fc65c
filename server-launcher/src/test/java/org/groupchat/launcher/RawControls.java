package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** What a terminal must never get raw from the client: the characters TerminalText escapes. */
final class RawControls {
    private RawControls() {}

    /** No C0 control but newline, tab (and a terminal's CR LF), no DEL, C1, bidi control or line separator. */
    static void assertNone(byte[] output) {
        assertNone(new String(output, StandardCharsets.UTF_8));
    }

    static void assertNone(String text) {
        List<String> found = text.codePoints()
                .filter(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r'
                        || c >= 0x7f && c <= 0x9f
                        || c >= 0x202a && c <= 0x202e
                        || c >= 0x2066 && c <= 0x2069
                        || c == 0x200e
                        || c == 0x200f
                        || c == 0x061c
                        || c == 0x2028
                        || c == 0x2029)
                .mapToObj(c -> String.format("U+%04X", c))
                .distinct()
                .collect(Collectors.toList());
        assertThat(found).as("raw control characters in %s", text).isEmpty();
        assertThat(text)
                .as("a raw carriage return that is not a terminal's line end")
                .doesNotContainPattern("\r(?!\n)");
    }
}
