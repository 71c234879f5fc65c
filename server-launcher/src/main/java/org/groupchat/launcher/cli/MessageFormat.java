package org.groupchat.launcher.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.groupchat.protocol.Message;

/** How the command-line client prints messages: readable lines, or one JSON object per line. */
final class MessageFormat {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private MessageFormat() {}

    static String localTime(long epochMs) {
        return LOCAL.format(Instant.ofEpochMilli(epochMs).atZone(ZoneId.systemDefault()));
    }

    static String line(Message m, boolean json) {
        if (json) {
            return TerminalText.json(m);
        }
        String text = TerminalText.text(m.text()).replace("\n", "\n" + " ".repeat(6));
        return String.format("#%-5d %s  %s: %s", m.seq(), localTime(m.ts()), TerminalText.line(m.sender().name()), text);
    }
}
