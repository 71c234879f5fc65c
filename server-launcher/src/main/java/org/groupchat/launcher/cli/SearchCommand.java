package org.groupchat.launcher.cli;

import java.io.PrintWriter;
import java.util.List;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.Reply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Searches a group's messages on the server (1.4), newest first; says how to ask for older hits. */
@Command(
        name = "search",
        description = {
            "Search a group's messages, newest first: every word of QUERY must match (the"
                    + " last one also as the start of a word), whatever the case and accents. Edited messages match by their new"
                    + " text; deleted ones never.",
            "Prints how to page on when older hits exist."
        })
final class SearchCommand extends GroupCommand {
    @Parameters(
            index = "1..*",
            arity = "1..*",
            paramLabel = "QUERY",
            description = "The words to find (1 to 200 characters).")
    List<String> words;

    @Option(
            names = "--before",
            paramLabel = "SEQ",
            description = "Only messages before this sequence number (to page on).")
    Long beforeSeq;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "20",
            description = "At most N hits, 1 to 100 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "One JSON object per hit.")
    boolean json;

    @Override
    void run(GroupClient groupClient, PrintWriter out) {
        String query = String.join(" ", words);
        Reply.SearchHits found = groupClient.search(query, beforeSeq, limit);
        for (Message hit : found.hits()) {
            out.println(MessageFormat.line(hit, json));
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        if (found.hits().isEmpty()) {
            err.println("no messages match \"" + TerminalText.line(query) + "\""
                    + (beforeSeq == null ? "" : " before #" + beforeSeq));
        } else if (found.more()) {
            err.println("older hits exist: add --before "
                    + found.hits().get(found.hits().size() - 1).seq());
        }
        err.flush();
    }
}
