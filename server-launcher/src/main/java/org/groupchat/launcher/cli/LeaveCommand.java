package org.groupchat.launcher.cli;

import java.io.PrintWriter;
import org.groupchat.client.GroupClient;
import picocli.CommandLine.Command;

/** Leaves a group. */
@Command(name = "leave", description = "Leave a group (safe to repeat).")
final class LeaveCommand extends GroupCommand {
    @Override
    void run(GroupClient groupClient, PrintWriter out) {
        groupClient.leave();
        out.printf("left %s%n", TerminalText.line(group));
    }
}
