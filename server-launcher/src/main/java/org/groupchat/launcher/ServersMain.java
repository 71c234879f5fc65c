package org.groupchat.launcher;

import org.groupchat.launcher.bench.BenchCommand;
import org.groupchat.launcher.cli.ClientCommand;
import org.groupchat.launcher.servers.ServersCommand;
import picocli.CommandLine;

/** Entry point of groupchat-servers.jar: runs servers, the command-line client ({@code client ...}) or the load generator ({@code bench ...}). */
public final class ServersMain {
    private ServersMain() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ServersCommand());
        commandLine.addSubcommand("client", new ClientCommand());
        commandLine.addSubcommand("bench", new BenchCommand());
        commandLine.addSubcommand("backup", new org.groupchat.launcher.backup.BackupCommand());
        commandLine.addSubcommand("restore", new org.groupchat.launcher.backup.RestoreCommand());
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setParameterExceptionHandler((problem, args) -> {
            CommandLine command = problem.getCommandLine();
            command.getErr().println(command.getCommandSpec().root().name() + ": " + problem.getMessage()
                    + " (see " + command.getCommandSpec().qualifiedName() + " --help)");
            return FailureHandler.BAD_SETUP;
        });
        return commandLine;
    }
}
