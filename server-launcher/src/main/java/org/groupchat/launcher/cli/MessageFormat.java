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
        String name = TerminalText.line(m.sender().name());
        return String.format(
                "#%-5d %s  %s",
                m.seq(),
                localTime(m.ts()),
                switch (m.eventKind()) {
                    case MESSAGE ->
                        name + ": " + (m.replyTo() == null ? "" : "[reply to #" + m.replyTo() + "] ") + text;
                    case EDIT -> "* " + name + " edited #" + m.target() + ": " + text;
                    case UNKNOWN -> "* " + name + ": " + text;
                    case FILE ->
                        "* " + name + " " + text
                                + (m.file() == null
                                        ? ""
                                        : " [file id " + m.file().id() + "]");
                    // the server writes these kinds' text: "reacted 👍 to message #12", "banned Bob from the group"
                    default -> "* " + name + " " + text;
                });
    }
}
