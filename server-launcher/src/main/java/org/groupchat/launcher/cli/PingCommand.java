package org.groupchat.launcher.cli;

import java.util.concurrent.Callable;
import org.groupchat.client.RegistryClient;
import org.groupchat.launcher.ExitCode;
import org.groupchat.protocol.Reply;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Checks that a server answers. */
@Command(
        name = "ping",
        description = {
            "Check that a server answers: the registry (with --registry-key if it is secure),",
            "or the endpoint given (with --server-key if it is secure)."
        })
final class PingCommand implements Callable<Integer> {
    @ParentCommand
    ClientCommand client;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "ENDPOINT", description = "Default: the registry.")
    String endpoint;

    @Override
    public Integer call() {
        String target = endpoint != null
                ? ClientCommand.checked(endpoint, "ENDPOINT")
                : client.registries().endpoints().get(0);
        try (RegistryClient any = endpoint == null ? client.registryClient() : client.anyServer(target)) {
            long start = System.nanoTime();
            Reply.Pong pong = any.ping();
            spec.commandLine()
                    .getOut()
                    .printf(
                            "%s answers: %s %s, protocol %d, %.1f ms%n",
                            target,
                            TerminalText.line(pong.role()),
                            TerminalText.line(pong.version()),
                            pong.protocol(),
                            (System.nanoTime() - start) / 1e6);
        }
        return ExitCode.OK.code();
    }
}
