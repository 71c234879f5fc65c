package org.groupchat.launcher.cli;

import java.io.PrintWriter;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.Member;
import picocli.CommandLine.Command;

/** Lists a group's members. */
@Command(name = "members", description = "List a group's members; * marks those online.")
final class MembersCommand extends GroupCommand {
    @Override
    void run(GroupClient groupClient, PrintWriter out) {
        for (Member member : groupClient.members()) {
            out.printf(
                    "%s %s  %s%n",
                    member.online() ? "*" : " ", TerminalText.line(member.name()), TerminalText.line(member.id()));
        }
    }
}
