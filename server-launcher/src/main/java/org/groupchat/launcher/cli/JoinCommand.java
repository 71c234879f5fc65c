package org.groupchat.launcher.cli;

import java.io.PrintWriter;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.Reply;
import picocli.CommandLine.Command;

/** Joins a group. */
@Command(name = "join", description = "Join a group (safe to repeat).")
final class JoinCommand extends GroupCommand {
    @Override
    void run(GroupClient groupClient, PrintWriter out) {
        Reply.Joined joined = groupClient.join();
        out.printf(
                "joined %s as %s: %d members, last message #%d%n",
                TerminalText.line(group),
                TerminalText.line(groupClient.user().name()),
                joined.members().size(),
                joined.lastSeq());
    }
}
