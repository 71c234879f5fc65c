package org.groupchat.launcher.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.groupchat.client.GroupClient;
import org.groupchat.launcher.UsageProblem;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.Reply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints a group's messages: all of them, or those since a moment; with --follow, keeps printing new ones. */
@Command(name = "fetch", description = "Print messages: all, or --since a moment; --follow waits for new ones.")
final class FetchCommand extends GroupCommand {
    private static final int FOLLOW_WAIT_MS = 25_000;

    @Option(
            names = "--since",
            paramLabel = "WHEN",
            description =
                    "A local date (2026-11-21) or date-time (2026-11-21T09:30, '2026-11-21 09:30:00'), an ISO instant with offset, or epoch ms.")
    String since;

    @Option(names = "--after", paramLabel = "SEQ", description = "Only messages after this sequence number.")
    Long afterSeq;

    @Option(names = "--follow", description = "After printing, wait for new messages and print them (Ctrl-C stops).")
    boolean follow;

    @Option(names = "--json", description = "One JSON object per message.")
    boolean json;

    private int printed;

    @Override
    void run(GroupClient groupClient, PrintWriter out) {
        long last;
        if (since != null && afterSeq == null) {
            Reply.Fetched first = groupClient.fetchSince(parseSince(since), Fields.MAX_LIMIT);
            first.messages().forEach(m -> print(m, out));
            last = first.messages().isEmpty()
                    ? first.lastSeq()
                    : first.messages().get(first.messages().size() - 1).seq();
            if (first.more()) {
                last = groupClient.forEachAfter(last, m -> print(m, out));
            }
        } else {
            last = groupClient.forEachAfter(afterSeq == null ? 0 : afterSeq, m -> print(m, out));
        }
        out.flush();
        if (printed == 0 && !json) {
            spec.commandLine()
                    .getErr()
                    .println(
                            since != null && afterSeq == null
                                    ? "no messages since " + MessageFormat.localTime(parseSince(since))
                                    : "no messages");
        }
        while (follow) {
            long asked = System.nanoTime();
            Reply.Fetched next = groupClient.fetchAfter(last, Fields.MAX_LIMIT, FOLLOW_WAIT_MS);
            for (Message m : next.messages()) {
                print(m, out);
                last = m.seq();
            }
            out.flush();
            if (next.messages().isEmpty() && System.nanoTime() - asked < FOLLOW_WAIT_MS * 500_000L) {
                pauseAfterEarlyEmptyReply();
            }
        }
    }

    /** A busy server answers early and empty instead of holding the poll: asking again at once would only add load. */
    private static void pauseAfterEarlyEmptyReply() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void print(Message message, PrintWriter out) {
        printed++;
        out.println(MessageFormat.line(message, json));
    }

    static long parseSince(String value) {
        String text = value.strip();
        if (text.matches("\\d+")) {
            return Long.parseLong(text);
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return LocalDate.parse(text)
                    .atStartOfDay(ZoneId.systemDefault())
                    .toInstant()
                    .toEpochMilli();
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T'))
                        .atZone(ZoneId.systemDefault())
                        .toInstant()
                        .toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new UsageProblem("--since \"" + value
                        + "\" is not a date like 2026-11-21, a date-time like 2026-11-21T09:30, or epoch milliseconds");
            }
        }
    }
}
