package org.groupchat.launcher.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.groupchat.launcher.ExitCode;
import org.groupchat.security.KeyFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Shows who this client is: the name, the ids, and the public key an operator adds to a private group's allow-list. */
@Command(name = "whoami", description = "Show your name, user ids and public key (creating them on first use).")
final class WhoamiCommand implements Callable<Integer> {
    @ParentCommand
    ClientCommand client;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CliIdentity identity = client.identity();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("name         %s%n", identity.user().name());
        out.printf("user id      %s%n", identity.user().id());
        out.printf(
                "secure id    %s  (the id secure groups know you by)%n",
                identity.userFor(true).id());
        out.printf("public key   '%s'%n", identity.keys().publicKey());
        out.printf("fingerprint  %s%n", identity.keys().fingerprint());
        out.printf(
                "To join a private group, send its operator your public key (the line above, or the file %s).%n",
                KeyFiles.publicFile(client.identityDir(), client.identityKeyName()));
        return ExitCode.OK.code();
    }
}
