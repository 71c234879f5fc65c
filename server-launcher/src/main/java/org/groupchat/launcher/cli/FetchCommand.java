package org.groupchat.launcher.cli;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.groupchat.client.GroupClient;
import org.groupchat.launcher.UsageProblem;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.Reply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Prints a group's messages: all of them, or those since a moment; with --follow, keeps printing new ones. */
@Command(name = "fetch", description = "Print messages: all, or --since a moment; --follow waits for new ones.")
final class FetchCommand implements Callable<Integer> {
    private static final int PAGE = 500;
    private static final int FOLLOW_WAIT_MS = 25_000;

    @ParentCommand
    ClientCommand client;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "GROUP")
    String group;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "A local date-time (2026-11-21T09:30 or '2026-11-21 09:30:00'), an ISO instant with offset, or epoch ms.")
    String since;

    @Option(names = "--after", paramLabel = "SEQ", description = "Only messages after this sequence number.")
    Long afterSeq;

    @Option(names = "--follow", description = "After printing, wait for new messages and print them (Ctrl-C stops).")
    boolean follow;

    @Option(names = "--json", description = "One JSON object per message.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (GroupClient groupClient = client.groupClient(group)) {
            long last;
            if (since != null && afterSeq == null) {
                Reply.Fetched first = groupClient.fetchSince(parseSince(since), PAGE);
                print(first, out);
                last = first.messages().isEmpty() ? first.lastSeq() : lastSeqOf(first);
                if (first.more()) {
                    last = printAfter(groupClient, last, out);
                }
            } else {
                last = printAfter(groupClient, afterSeq == null ? 0 : afterSeq, out);
            }
            while (follow) {
                Reply.Fetched next = groupClient.fetchAfter(last, PAGE, FOLLOW_WAIT_MS);
                print(next, out);
                last = next.messages().isEmpty() ? last : lastSeqOf(next);
            }
        }
        return 0;
    }

    private long printAfter(GroupClient groupClient, long after, PrintWriter out) {
        long last = after;
        Reply.Fetched page;
        do {
            page = groupClient.fetchAfter(last, PAGE, 0);
            print(page, out);
            last = page.messages().isEmpty() ? last : lastSeqOf(page);
        } while (page.more());
        return last;
    }

    private void print(Reply.Fetched page, PrintWriter out) {
        for (Message m : page.messages()) {
            out.println(MessageFormat.line(m, json));
        }
        out.flush();
    }

    private static long lastSeqOf(Reply.Fetched page) {
        return page.messages().get(page.messages().size() - 1).seq();
    }

    static long parseSince(String value) {
        String text = value.strip();
        if (text.matches("\\d+")) {
            return Long.parseLong(text);
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new UsageProblem("--since \"" + value + "\" is not a date-time like 2026-11-21T09:30 or epoch milliseconds");
            }
        }
    }
}
