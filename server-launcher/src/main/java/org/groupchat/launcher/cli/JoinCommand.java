package org.groupchat.launcher.cli;

import java.util.concurrent.Callable;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.Reply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Joins a group. */
@Command(name = "join", description = "Join a group (safe to repeat).")
final class JoinCommand implements Callable<Integer> {
    @ParentCommand
    ClientCommand client;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "GROUP")
    String group;

    @Override
    public Integer call() {
        try (GroupClient groupClient = client.groupClient(group)) {
            Reply.Joined joined = groupClient.join();
            spec.commandLine().getOut().printf("joined %s as %s: %d members, last message #%d%n", group,
                    groupClient.user().name(), joined.members().size(), joined.lastSeq());
        }
        return 0;
    }
}
