package org.groupchat.launcher.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupClient;
import org.groupchat.client.RegistryClient;
import org.groupchat.protocol.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The command-line client, for scripts and smoke tests: list groups, join, leave, send, fetch. */
@Command(name = "client", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"A command-line GroupChat client. GROUP is a group's name (looked up in the registry)",
            "or its endpoint (tcp://HOST:PORT). Exit codes: 0 done, 1 refused by the server (its message is",
            "printed), 2 bad arguments, 3 server unreachable."},
        subcommands = {ListCommand.class, PingCommand.class, JoinCommand.class, LeaveCommand.class, SendCommand.class,
            FetchCommand.class, MembersCommand.class})
public final class ClientCommand {

    @Option(names = "--registry", paramLabel = "ENDPOINT", scope = ScopeType.INHERIT,
            description = "The registry (default: tcp://127.0.0.1:5555).")
    String registry = "tcp://127.0.0.1:5555";

    @Option(names = "--identity", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Your user id and name (default: ~/.config/groupchat/cli-identity.json, created on first use).")
    Path identityFile;

    @Option(names = "--name", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Your display name; saved in the identity file.")
    String name;

    @Option(names = "--timeout-ms", paramLabel = "MS", scope = ScopeType.INHERIT,
            description = "How long to wait for each reply before retrying (default: 2000).")
    long timeoutMs = 2_000;

    @Option(names = "--retries", paramLabel = "N", scope = ScopeType.INHERIT,
            description = "Retries after a timeout (default: 3).")
    int retries = 3;

    ClientOptions options() {
        return ClientOptions.DEFAULT.withTimeout(Duration.ofMillis(timeoutMs)).withRetries(retries);
    }

    User user() {
        return CliIdentity.load(identityFile != null ? identityFile : CliIdentity.defaultFile(), name);
    }

    RegistryClient registryClient() {
        return new RegistryClient(null, registry, options());
    }

    /** A client for the group named by {@code group}: an endpoint as it is, or a name looked up in the registry. */
    GroupClient groupClient(String group) {
        String endpoint = group.startsWith("tcp://") ? group : lookUp(group);
        return new GroupClient(null, endpoint, user(), options());
    }

    private String lookUp(String groupName) {
        try (RegistryClient registryClient = registryClient()) {
            return registryClient.lookup(groupName).endpoint();
        }
    }
}
