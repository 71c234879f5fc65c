package org.groupchat.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Whether logs may show what people wrote: never, unless the operator asks for it ({@code --log-message-text}).
 * The records that carry message text print only its size otherwise, whatever logs them at whatever level.
 */
public final class MessageTextInLogs {
    private static volatile boolean shown;

    private MessageTextInLogs() {}

    public static void show(boolean enabled) {
        shown = enabled;
    }

    /** The text itself when allowed, else its size. */
    public static String of(String text) {
        if (text == null) {
            return "null";
        }
        return shown ? text : "(" + text.getBytes(StandardCharsets.UTF_8).length + " bytes, not logged)";
    }
}
