package org.groupchat.launcher.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.groupchat.client.GroupClient;
import org.groupchat.launcher.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A client command about one group: it gets a connected {@link GroupClient} and somewhere to print. */
abstract class GroupCommand implements Callable<Integer> {
    @ParentCommand
    ClientCommand client;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "GROUP", description = "The group's name, or its tcp:// endpoint.")
    String group;

    @Override
    public final Integer call() throws Exception {
        try (GroupClient groupClient = client.groupClient(group)) {
            run(groupClient, spec.commandLine().getOut());
        }
        return ExitCode.OK.code();
    }

    abstract void run(GroupClient groupClient, PrintWriter out) throws Exception;
}
