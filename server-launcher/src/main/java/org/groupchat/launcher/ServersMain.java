package org.groupchat.launcher;

import org.groupchat.launcher.cli.ClientCommand;
import org.groupchat.launcher.servers.ServersCommand;
import picocli.CommandLine;

/** Entry point of groupchat-servers.jar: runs servers, or the command-line client with {@code client ...}. */
public final class ServersMain {
    private ServersMain() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ServersCommand());
        commandLine.addSubcommand("client", new ClientCommand());
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        return commandLine;
    }
}
