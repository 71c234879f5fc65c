package org.groupchat.launcher.cli;

import java.util.concurrent.Callable;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.Member;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Lists a group's members. */
@Command(name = "members", description = "List a group's members and who is online.")
final class MembersCommand implements Callable<Integer> {
    @ParentCommand
    ClientCommand client;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "GROUP")
    String group;

    @Override
    public Integer call() {
        try (GroupClient groupClient = client.groupClient(group)) {
            for (Member member : groupClient.members()) {
                spec.commandLine().getOut().printf("%s %s  %s%n", member.online() ? "*" : " ", member.name(), member.id());
            }
        }
        return 0;
    }
}
