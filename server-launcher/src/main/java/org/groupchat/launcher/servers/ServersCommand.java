package org.groupchat.launcher.servers;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.groupchat.client.Registries;
import org.groupchat.group.GroupLease;
import org.groupchat.group.GroupLimits;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.launcher.ExitCode;
import org.groupchat.launcher.UsageProblem;
import org.groupchat.protocol.Endpoint;
import org.groupchat.protocol.MessageTextInLogs;
import org.groupchat.protocol.ProtocolVersion;
import org.groupchat.registry.RegistryConfig;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts a registry and/or group servers from flags or a YAML file, and stops them cleanly on SIGTERM or Ctrl-C. */
@Command(
        name = "groupchat-servers",
        mixinStandardHelpOptions = true,
        versionProvider = ServersCommand.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Runs GroupChat servers without a screen: a registry (the list of live groups) and group servers.",
            "Each group stores its messages in a SQLite file in the data folder, or with --database in PostgreSQL.",
            "Stops cleanly (unregisters, closes sockets and databases, exits 0) on SIGTERM or Ctrl-C.",
            "Use 'groupchat-servers client --help' for the command-line client."
        },
        footer = {
            "",
            "Example:",
            "  groupchat-servers --registry-bind " + Registries.LOCAL_DEFAULT + " \\",
            "    --group \"Cool Group=tcp://127.0.0.1:5560\" --group \"Lobby=tcp://127.0.0.1:5561\" --data-dir ./data"
        })
public final class ServersCommand implements Callable<Integer> {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ServersCommand.class);

    @Spec
    private CommandLine.Model.CommandSpec spec;

    private final YamlDefaults yaml = new YamlDefaults();

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Read these settings from a YAML file (docs/OPERATIONS.md); flags win.")
    private Path configFile;

    @Option(
            names = "--registry-bind",
            paramLabel = "ENDPOINT",
            description = "Start a registry here, e.g. tcp://*:5555. Groups of this process register with it.")
    private String registryBind;

    @Option(
            names = "--lease-ms",
            paramLabel = "MS",
            defaultValue = "" + RegistryConfig.DEFAULT_LEASE_MS,
            description = "How long a registry lease lasts without a heartbeat (default: ${DEFAULT-VALUE}).")
    private long leaseMs;

    @Option(
            names = "--max-groups",
            paramLabel = "N",
            defaultValue = "" + RegistryConfig.DEFAULT_MAX_GROUPS,
            description = "Groups the registry started here lists at most (default: ${DEFAULT-VALUE}).")
    private int maxGroups;

    @Option(
            names = "--registry",
            paramLabel = "ENDPOINT[,ENDPOINT...]",
            description = "The registries the groups register with, comma-separated; each gets every heartbeat"
                    + " (default when none runs here: " + Registries.LOCAL_DEFAULT + ").")
    private String registryAddress;

    @Option(
            names = "--group",
            paramLabel = "NAME=ENDPOINT",
            description = "Host a group, e.g. \"Lobby=tcp://*:5561\". Repeat for more groups. Port * lets the OS pick.")
    private List<String> groupFlags = new ArrayList<>();

    @Mixin
    private StoreOptions store;

    @Option(
            names = "--advertise",
            paramLabel = "HOST",
            description = "The host given to the registry for groups bound to * (default: this machine's LAN address).")
    private String advertise;

    @Option(
            names = "--heartbeat-ms",
            paramLabel = "MS",
            defaultValue = "" + GroupServerConfig.DEFAULT_HEARTBEAT_MS,
            description = "How often groups renew their lease (default: ${DEFAULT-VALUE}).")
    private long heartbeatMs;

    @Option(
            names = "--group-lease-ms",
            paramLabel = "MS",
            defaultValue = "" + GroupLease.DEFAULT_LEASE_MS,
            description = "With --database: how long a group's turn lasts unless its active server renews it; another"
                    + " server of the group takes over when it runs out (default: ${DEFAULT-VALUE}).")
    private long groupLeaseMs;

    @Mixin
    private LimitOptions limits;

    @Mixin
    private FileLimitOptions fileLimits;

    @Mixin
    private SecurityOptions security;

    @Option(
            names = {"-v", "--verbose"},
            description = "Log every request (debug level).")
    private boolean verbose;

    @Option(
            names = "--metrics-bind",
            paramLabel = "HOST:PORT",
            description = "Serve Prometheus metrics at http://HOST:PORT/metrics and a health check at /health,"
                    + " e.g. 127.0.0.1:9404 (default: off).")
    private String metricsBind;

    @Option(
            names = "--log-message-text",
            description =
                    "Let logs show what people wrote (off: a message's text appears in no log at any level, only its size).")
    private boolean logMessageText;

    /** The config file's settings as the flags' defaults, for this command only (not its subcommands). */
    public CommandLine.IDefaultValueProvider defaults() {
        return yaml;
    }

    /** Reads the file of {@code --config}, if given, for the next parse of the flags; true when there is one. */
    public boolean readConfigFile() {
        yaml.load(configFile);
        return configFile != null;
    }

    @Override
    public Integer call() throws Exception {
        if (verbose) {
            ((Logger) LoggerFactory.getLogger("org.groupchat")).setLevel(Level.DEBUG);
        }
        MessageTextInLogs.show(logMessageText);
        ServerSet.Plan plan = plan(yaml.loaded());
        PrintWriter out = spec.commandLine().getOut();
        ShutdownSignal signal = ShutdownSignal.install();
        String failure;
        try (ServerSet servers = ServerSet.start(plan, out, signal::serverFailed);
                MetricsEndpoint metrics =
                        metricsBind == null ? null : MetricsEndpoint.start(metricsBind, servers::problem)) {
            if (metrics != null) {
                out.printf("metrics   %s/metrics  (health check: %s/health)%n", metrics.address(), metrics.address());
                LOG.info("started metrics endpoint at {}/metrics", metrics.address());
            }
            out.println("ready; stop with Ctrl-C or SIGTERM");
            out.flush();
            failure = signal.await();
            out.println("stopping");
            out.flush();
        }
        out.println("stopped");
        out.flush();
        if (failure != null) {
            spec.commandLine().getErr().println(spec.name() + ": " + failure);
            return ExitCode.SERVER_FAILED.code();
        }
        return ExitCode.OK.code();
    }

    private ServerSet.Plan plan(ConfigFile.Loaded file) {
        UnaryOperator<String> names = flag -> yaml.name(spec.commandLine().getParseResult(), flag);
        List<GroupSpec> groups = GroupSpecs.of(file, groupFlags, security.allowUsers);
        if (registryBind == null && groups.isEmpty()) {
            throw new UsageProblem(
                    "nothing to start: give --registry-bind ENDPOINT and/or --group NAME=ENDPOINT (see --help)");
        }
        RegistryConfig registry = null;
        if (registryBind != null) {
            registry = RegistryConfig.bindingTo(endpoint(registryBind, names.apply("--registry-bind"))
                            .toString())
                    .withLeaseMs(positive(leaseMs, names.apply("--lease-ms")))
                    .withMaxGroups((int) positive(maxGroups, names.apply("--max-groups")));
        }
        GroupLimits groupLimits = limits.limits(names).withFiles(fileLimits.resolve(names));
        StorePlan stores = store.plan(names);
        if (!groups.isEmpty() && stores.usesFiles()) {
            StoreOptions.checkWritable(store.dataDir);
        }
        List<String> ownersInFile = file == null || file.config().owners() == null
                ? List.of()
                : file.config().owners();
        SecurityPlan securityPlan = security.plan(ownersInFile, store.dataDir, registry != null, groups);
        long heartbeat = positive(heartbeatMs, names.apply("--heartbeat-ms"));
        if (registry != null && !groups.isEmpty() && heartbeat * 2 > registry.leaseMs()) {
            throw new UsageProblem(names.apply("--heartbeat-ms") + " " + heartbeat + " must be at most half the lease ("
                    + registry.leaseMs() + " ms), or the groups drop out of LIST between two heartbeats");
        }
        String registries = registryAddress != null || registry != null ? registryAddress : Registries.LOCAL_DEFAULT;
        return new ServerSet.Plan(
                registry,
                endpoints(registries, names.apply("--registry")),
                advertise,
                stores,
                groupLimits,
                heartbeat,
                positive(groupLeaseMs, names.apply("--group-lease-ms")),
                groups,
                securityPlan);
    }

    private static List<Endpoint> endpoints(String value, String setting) {
        try {
            return Endpoint.parseList(value);
        } catch (IllegalArgumentException e) {
            throw new UsageProblem(setting + ": " + e.getMessage());
        }
    }

    private static Endpoint endpoint(String value, String setting) {
        try {
            return Endpoint.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageProblem(setting + ": " + e.getMessage());
        }
    }

    private static long positive(long value, String setting) {
        if (value <= 0) {
            throw new UsageProblem(setting + " must be positive, got " + value);
        }
        return value;
    }

    /** Reports the software and protocol versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "groupchat-servers " + ProtocolVersion.SOFTWARE + " (protocol " + ProtocolVersion.PROTOCOL + ")"
            };
        }
    }
}
