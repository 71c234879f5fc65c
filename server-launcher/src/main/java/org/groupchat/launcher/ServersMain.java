package org.groupchat.launcher;

import org.groupchat.launcher.backup.BackupCommand;
import org.groupchat.launcher.backup.RestoreCommand;
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
        ServersCommand servers = new ServersCommand();
        CommandLine commandLine = new CommandLine(servers);
        commandLine.addSubcommand("client", new ClientCommand());
        commandLine.addSubcommand("bench", new BenchCommand());
        commandLine.addSubcommand("backup", new BackupCommand());
        commandLine.addSubcommand("restore", new RestoreCommand());
        commandLine.getCommandSpec().defaultValueProvider(servers.defaults());
        commandLine.setExecutionStrategy(parsed -> {
            // --config is known only once the flags are parsed: read it, then parse them again over its values
            boolean withFile = !parsed.hasSubcommand() && servers.readConfigFile();
            CommandLine.ParseResult over =
                    withFile ? commandLine.parseArgs(parsed.originalArgs().toArray(String[]::new)) : parsed;
            return new CommandLine.RunLast().execute(over);
        });
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setParameterExceptionHandler((problem, args) -> {
            CommandLine command = problem.getCommandLine();
            command.getErr()
                    .println(command.getCommandSpec().root().name() + ": " + problem.getMessage() + " (see "
                            + command.getCommandSpec().qualifiedName() + " --help)");
            return ExitCode.BAD_SETUP.code();
        });
        return commandLine;
    }
}
