package org.groupchat.launcher.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupClient;
import org.groupchat.client.PlaintextRefusedException;
import org.groupchat.client.Registries;
import org.groupchat.client.RegistryClient;
import org.groupchat.launcher.UsageProblem;
import org.groupchat.protocol.Endpoint;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.security.ClientKeys;
import org.groupchat.security.KeyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The command-line client, for scripts and smoke tests: list groups, join, leave, send, fetch. */
@Command(
        name = "client",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT, // every subcommand takes --help, as the usage errors tell users to try
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "A command-line GroupChat client. GROUP is a group's name (looked up in the registry) or its"
                    + " endpoint (tcp://HOST:PORT).",
            "Exit codes: 0 done, 1 refused by the server (its message is printed), 2 bad arguments, 3 server unreachable,"
                    + " 5 the server's reply broke the protocol."
        },
        subcommands = {
            ListCommand.class,
            PingCommand.class,
            JoinCommand.class,
            LeaveCommand.class,
            SendCommand.class,
            FetchCommand.class,
            SearchCommand.class,
            MembersCommand.class,
            WhoamiCommand.class,
            EventCommands.Edit.class,
            EventCommands.Delete.class,
            EventCommands.React.class,
            EventCommands.Remove.class,
            EventCommands.Kick.class,
            EventCommands.Ban.class,
            EventCommands.MarkRead.class,
            FileCommands.SendFile.class,
            FileCommands.GetFile.class
        })
public final class ClientCommand {

    @Option(
            names = "--registry",
            paramLabel = "ENDPOINT[,ENDPOINT...]",
            scope = ScopeType.INHERIT,
            description = "The registry, or several serving the same groups, comma-separated: each is asked in turn"
                    + " until one answers (default: ${DEFAULT-VALUE}).",
            defaultValue = Registries.LOCAL_DEFAULT)
    String registry;

    @Option(
            names = "--registry-key",
            paramLabel = "KEY|FILE",
            scope = ScopeType.INHERIT,
            description = "The registry's CURVE public key (or .key file) when it runs with --secure; secure groups"
                    + " found through it are then reached with the keys it lists.")
    String registryKey;

    @Option(
            names = "--server-key",
            paramLabel = "KEY|FILE",
            scope = ScopeType.INHERIT,
            description = "The group's CURVE public key, when GROUP is a tcp:// endpoint of a secure group.")
    String serverKey;

    @Option(
            names = "--identity",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description =
                    "Your user id and name (default: ~/.config/groupchat/cli-identity.json, created on first use);"
                            + " your key pair is kept beside it.")
    Path identityFile;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            scope = ScopeType.INHERIT,
            description = "Your display name; saved in the identity file.")
    String name;

    @Option(
            names = "--timeout-ms",
            paramLabel = "MS",
            scope = ScopeType.INHERIT,
            description = "How long to wait for each reply before retrying (default: 2000).")
    long timeoutMs = 2_000;

    @Option(
            names = "--retries",
            paramLabel = "N",
            scope = ScopeType.INHERIT,
            description = "Retries after a timeout (default: 3).")
    int retries = 3;

    ClientOptions options() {
        // a one-shot command: an address where nothing listens is said at once, not after every retry (10 s)
        return ClientOptions.DEFAULT
                .withTimeout(Duration.ofMillis(timeoutMs))
                .withRetries(retries)
                .withGiveUpWhenNothingListens(true);
    }

    CliIdentity identity() {
        return CliIdentity.load(identityPath(), name);
    }

    private Path identityPath() {
        return (identityFile != null ? identityFile : CliIdentity.defaultFile())
                .toAbsolutePath()
                .normalize();
    }

    Path identityDir() {
        return identityPath().getParent();
    }

    String identityKeyName() {
        return CliIdentity.keyName(identityPath());
    }

    /** A client for the first registry of --registry, for PING. */
    RegistryClient registryClient() {
        return new RegistryClient(null, registries().endpoints().get(0), options(), registryKeys());
    }

    /** Every registry of --registry, asked in turn. */
    Registries registries() {
        try {
            return Registries.parse(null, registry, options(), registryKeys());
        } catch (IllegalArgumentException e) {
            throw new UsageProblem("--registry: " + e.getMessage());
        }
    }

    private ClientKeys registryKeys() {
        return registryKey == null
                ? null
                : new ClientKeys(KeyFiles.publicKeyFrom(registryKey), identity().keys());
    }

    /** The address as given, or a usage problem that says what is wrong with it. */
    static String checked(String endpoint, String what) {
        try {
            return Endpoint.parse(endpoint).toString();
        } catch (IllegalArgumentException e) {
            throw new UsageProblem(what + ": " + e.getMessage());
        }
    }

    /** A client for PINGing any server at {@code endpoint}, secure when --server-key is given. */
    RegistryClient anyServer(String endpoint) {
        ClientKeys keys = serverKey == null
                ? null
                : new ClientKeys(KeyFiles.publicKeyFrom(serverKey), identity().keys());
        return new RegistryClient(null, endpoint, options(), keys);
    }

    /**
     * A client for the group named by {@code group}: an endpoint as it is, or a name looked up in the registries and
     * followed (looked up again) when it stops answering there.
     */
    GroupClient groupClient(String group) {
        boolean byName = !group.startsWith("tcp://");
        Registries registries = byName ? registries() : null;
        GroupInfo found = byName
                ? registries.lookup(group)
                : new GroupInfo(
                        group,
                        checked(group, "GROUP"),
                        0,
                        0,
                        0,
                        0,
                        serverKey == null ? null : KeyFiles.publicKeyFrom(serverKey));
        CliIdentity identity = identity();
        try {
            return GroupClient.forListed(
                    null,
                    found,
                    identity.userFor(found.secure()),
                    options(),
                    identity.keys(),
                    registryKey != null && byName,
                    byName ? registries.locatorOf(group) : null);
        } catch (PlaintextRefusedException e) {
            throw new UsageProblem(e.getMessage());
        }
    }
}
