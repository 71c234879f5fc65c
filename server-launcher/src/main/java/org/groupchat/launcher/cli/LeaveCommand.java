package org.groupchat.launcher.cli;

import java.util.concurrent.Callable;
import org.groupchat.client.GroupClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Leaves a group. */
@Command(name = "leave", description = "Leave a group (safe to repeat).")
final class LeaveCommand implements Callable<Integer> {
    @ParentCommand
    ClientCommand client;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "GROUP")
    String group;

    @Override
    public Integer call() {
        try (GroupClient groupClient = client.groupClient(group)) {
            groupClient.leave();
            spec.commandLine().getOut().printf("left %s%n", group);
        }
        return 0;
    }
}
