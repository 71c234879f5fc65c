package org.groupchat.launcher.servers;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.groupchat.group.Durability;
import org.groupchat.group.GroupLimits;
import org.groupchat.group.GroupLease;
import org.groupchat.group.GroupServerConfig;
import org.groupchat.launcher.UsageProblem;
import org.groupchat.protocol.Endpoint;
import org.groupchat.protocol.MessageTextInLogs;
import org.groupchat.protocol.ProtocolVersion;
import org.groupchat.registry.RegistryConfig;
import org.groupchat.security.KeyFiles;
import org.groupchat.security.PublicKeys;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts a registry and/or group servers from flags or a YAML file, and stops them cleanly on SIGTERM or Ctrl-C. */
@Command(name = "groupchat-servers", mixinStandardHelpOptions = true, versionProvider = ServersCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Runs GroupChat servers without a screen: a registry (the list of live groups) and group servers.",
            "Each group stores its messages in a SQLite file in the data folder, or with --database in PostgreSQL.",
            "Stops cleanly (unregisters, closes sockets and databases, exits 0) on SIGTERM or Ctrl-C.",
            "Use 'groupchat-servers client --help' for the command-line client."
        },
        footer = {"", "Example:",
            "  groupchat-servers --registry-bind tcp://127.0.0.1:5555 \\",
            "    --group \"Cool Group=tcp://127.0.0.1:5560\" --group \"Lobby=tcp://127.0.0.1:5561\" --data-dir ./data"})
public final class ServersCommand implements Callable<Integer> {
    private static final String DEFAULT_REGISTRY = "tcp://127.0.0.1:5555";
    private static final int SERVER_FAILED = 4;
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ServersCommand.class);

    @Spec
    private CommandLine.Model.CommandSpec spec;

    private ConfigFile.Loaded loaded;

    @Mixin
    FileLimitOptions fileLimits = new FileLimitOptions();

    @Option(names = "--registry-bind", paramLabel = "ENDPOINT",
            description = "Start a registry here, e.g. tcp://*:5555. Groups of this process register with it.")
    private String registryBind;

    @Option(names = "--registry", paramLabel = "ENDPOINT[,ENDPOINT...]",
            description = "The registries the groups register with, comma-separated; each gets every heartbeat"
                    + " (default when none runs here: " + DEFAULT_REGISTRY + ").")
    private String registryAddress;

    @Option(names = "--group", paramLabel = "NAME=ENDPOINT",
            description = "Host a group, e.g. \"Lobby=tcp://*:5561\". Repeat for more groups. Port * lets the OS pick.")
    private List<String> groupFlags = new ArrayList<>();

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where group databases live (default: ./data).")
    private Path dataDir;

    @Option(names = "--database", paramLabel = "postgresql://USER@HOST:PORT/DBNAME",
            description = "Keep every group's messages in this PostgreSQL database instead of SQLite files. The password"
                    + " comes from the environment variable " + StorePlan.PASSWORD_VARIABLE + " or --database-password-file,"
                    + " never from the command line.")
    private String database;

    @Option(names = "--database-password-file", paramLabel = "FILE",
            description = "Read the database password from the first line of FILE.")
    private Path databasePasswordFile;

    @Option(names = "--advertise", paramLabel = "HOST",
            description = "The host given to the registry for groups bound to * (default: this machine's LAN address).")
    private String advertise;

    @Option(names = "--config", paramLabel = "FILE", description = "Read these settings from a YAML file; flags win.")
    private Path configFile;

    @Option(names = "--lease-ms", paramLabel = "MS",
            description = "How long a registry lease lasts without a heartbeat (default: 6000).")
    private Long leaseMs;

    @Option(names = "--group-lease-ms", paramLabel = "MS",
            description = "With --database: how long a group's turn lasts unless its active server renews it; another"
                    + " server of the group takes over when it runs out (default: 6000).")
    private Long groupLeaseMs;

    @Option(names = "--heartbeat-ms", paramLabel = "MS", description = "How often groups renew their lease (default: 2000).")
    private Long heartbeatMs;

    @Option(names = "--durability", paramLabel = "LEVEL",
            description = "process-crash (default: an ack survives kill -9) or power-loss (fsync before every ack).")
    private String durability;

    @Option(names = "--send-rate", paramLabel = "PER_SECOND",
            description = "Messages per second each user may send, 0 for no limit (default: 20).")
    private Double sendRate;

    @Option(names = "--send-burst", paramLabel = "N", description = "Messages a user may send at once (default: 40).")
    private Integer sendBurst;

    @Option(names = "--max-members", paramLabel = "N", description = "Members per group (default: 1000).")
    private Integer maxMembers;

    @Option(names = "--secure",
            description = "CURVE encryption and authentication on every server started here; key pairs are made on first"
                    + " start in the keys folder. Clients then need the registry's public key (printed at start).")
    private Boolean secure;

    @Option(names = "--keys-dir", paramLabel = "DIR", description = "Where the servers' key pairs live (default: DATA_DIR/keys).")
    private Path keysDir;

    @Option(names = "--registry-key", paramLabel = "KEY|FILE",
            description = "The public key (or .key file) of a secure registry that runs elsewhere; needed with --secure"
                    + " when no registry runs here.")
    private String registryKey;

    @Option(names = "--allow-users", paramLabel = "FILE",
            description = "Make the groups private: only the user keys in FILE (one per line) may use them. Needs --secure.")
    private Path allowUsers;

    @Option(names = "--owner", paramLabel = "KEY|FILE",
            description = "A user's public key (or .key file) that owns every group started here: may remove messages,"
                    + " kick and ban (repeatable). The key each group runs with owns it too. Needs --secure.")
    private List<String> ownerKeys;

    @Option(names = "--allow-groups", paramLabel = "FILE",
            description = "Only the group server keys in FILE may register with the registry started here. Needs --secure.")
    private Path allowGroups;

    @Option(names = {"-v", "--verbose"}, description = "Log every request (debug level).")
    private boolean verbose;

    @Option(names = "--metrics-bind", paramLabel = "HOST:PORT",
            description = "Serve Prometheus metrics at http://HOST:PORT/metrics and a health check at /health,"
                    + " e.g. 127.0.0.1:9404 (default: off).")
    private String metricsBind;

    @Option(names = "--retain-days", paramLabel = "N",
            description = "Drop messages older than N days, in the background (default: keep them for ever). YAML: retainDays,"
                    + " also per group.")
    private Integer retainDays;

    @Option(names = "--log-message-text",
            description = "Let logs show what people wrote (off: a message's text appears in no log at any level, only its size).")
    private boolean logMessageText;

    @Override
    public Integer call() throws Exception {
        if (verbose) {
            ((Logger) LoggerFactory.getLogger("org.groupchat")).setLevel(Level.DEBUG);
        }
        MessageTextInLogs.show(logMessageText);
        loaded = configFile == null ? null : ConfigFile.read(configFile);
        ServerSet.Plan plan = plan(loaded == null ? null : loaded.config());
        PrintWriter out = spec.commandLine().getOut();
        ShutdownSignal signal = ShutdownSignal.install();
        String failure;
        String metricsAt = first(metricsBind, Optional.ofNullable(loaded).map(l -> l.config().metricsBind()));
        try (ServerSet servers = ServerSet.start(plan, out, signal::serverFailed);
                MetricsEndpoint metrics = metricsAt == null ? null : MetricsEndpoint.start(metricsAt, servers::problem)) {
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
            return SERVER_FAILED;
        }
        return 0;
    }

    private ServerSet.Plan plan(ServersConfig file) {
        Optional<ServersConfig> config = Optional.ofNullable(file);
        String registryBindValue = first(registryBind, config.map(ServersConfig::registry).map(ServersConfig.RegistrySection::bind));
        Path defaultAllowUsers = allowUsers != null ? allowUsers
                : config.map(ServersConfig::allowUsers).map(Path::of).orElse(null);
        List<GroupSpec> groups = new ArrayList<>();
        List<ServersConfig.GroupSection> sections = config.map(ServersConfig::groups).orElse(List.of());
        for (int i = 0; i < sections.size(); i++) {
            ServersConfig.GroupSection g = sections.get(i);
            if (g == null || g.name() == null || g.bind() == null) {
                throw new UsageProblem(loaded.key("groups[" + i + "]") + ": each group needs \"name:\" and \"bind:\"");
            }
            try {
                if (g.retainDays() != null && g.retainDays() < 1) {
                    throw new UsageProblem(loaded.key("groups[" + i + "].retainDays") + " must be at least 1, got " + g.retainDays());
                }
                groups.add(GroupSpec.of(g.name(), g.bind())
                        .withAllowUsers(g.allowUsers() != null ? Path.of(g.allowUsers()) : defaultAllowUsers)
                        .withRetainDays(g.retainDays()));
            } catch (UsageProblem e) {
                throw new UsageProblem(loaded.key("groups[" + i + "].bind") + ": " + e.getMessage());
            }
        }
        groupFlags.forEach(flag -> groups.add(GroupSpec.parse(flag).withAllowUsers(defaultAllowUsers)));
        Set<String> names = new HashSet<>();
        for (GroupSpec group : groups) {
            if (!names.add(group.name().toLowerCase(Locale.ROOT))) {
                throw new UsageProblem("the group \"" + group.name() + "\" is given twice (names compare without case)");
            }
        }
        if (registryBindValue == null && groups.isEmpty()) {
            throw new UsageProblem("nothing to start: give --registry-bind ENDPOINT and/or --group NAME=ENDPOINT (see --help)");
        }
        RegistryConfig registry = null;
        if (registryBindValue != null) {
            long lease = first(leaseMs, config.map(ServersConfig::registry).map(ServersConfig.RegistrySection::leaseMs),
                    RegistryConfig.DEFAULT_LEASE_MS);
            int maxGroups = first(null, config.map(ServersConfig::registry).map(ServersConfig.RegistrySection::maxGroups),
                    RegistryConfig.DEFAULT_MAX_GROUPS);
            registry = RegistryConfig.bindingTo(endpoint(registryBindValue, "--registry-bind").toString())
                    .withLeaseMs(positive(lease, label(leaseMs, "--lease-ms", "registry.leaseMs"))).withMaxGroups(maxGroups);
        }
        Optional<ServersConfig.Limits> limits = config.map(ServersConfig::limits);
        GroupLimits groupLimits = new GroupLimits(
                first(maxMembers, limits.map(ServersConfig.Limits::maxMembers), GroupLimits.DEFAULT.maxMembers()),
                first(null, limits.map(ServersConfig.Limits::maxParkedPolls), GroupLimits.DEFAULT.maxParkedPolls()),
                GroupLimits.DEFAULT.maxParkedPollsPerUser(),
                first(sendRate, limits.map(ServersConfig.Limits::sendsPerSecond), GroupLimits.DEFAULT.sendsPerSecond()),
                first(sendBurst, limits.map(ServersConfig.Limits::sendBurst), GroupLimits.DEFAULT.sendBurst()));
        atLeast(groupLimits.maxMembers(), 1, label(maxMembers, "--max-members", "limits.maxMembers"));
        atLeast(groupLimits.maxParkedPolls(), 0, label(null, "limits.maxParkedPolls", "limits.maxParkedPolls"));
        atLeast(groupLimits.sendsPerSecond(), 0, label(sendRate, "--send-rate", "limits.sendsPerSecond"));
        atLeast(groupLimits.sendBurst(), 1, label(sendBurst, "--send-burst", "limits.sendBurst"));
        groupLimits = groupLimits.withFiles(fileLimits.resolve(limits));
        Integer retain = first(retainDays, config.map(ServersConfig::retainDays));
        if (retain != null) {
            atLeast(retain, 1, label(retainDays, "--retain-days", "retainDays"));
            groupLimits = groupLimits.withRetainMs(retain * 86_400_000L);
        }
        Path data = dataDir != null ? dataDir : Path.of(first(null, config.map(ServersConfig::dataDir), "data"));
        StorePlan stores = StorePlan.of(data, durability(first(durability, config.map(ServersConfig::durability), "process-crash"),
                        label(durability, "--durability", "durability")),
                first(database, config.map(ServersConfig::database)),
                first(databasePasswordFile, config.map(ServersConfig::databasePasswordFile).map(Path::of)));
        if (!groups.isEmpty() && stores.usesFiles()) {
            checkWritable(data);
        }
        SecurityPlan security = security(config, data, registryBindValue != null, groups);
        String registriesGiven = first(registryAddress, config.map(ServersConfig::registryAddress));
        long heartbeat = positive(first(heartbeatMs, Optional.empty(), GroupServerConfig.DEFAULT_HEARTBEAT_MS), "--heartbeat-ms");
        if (registry != null && !groups.isEmpty() && heartbeat * 2 > registry.leaseMs()) {
            throw new UsageProblem("--heartbeat-ms " + heartbeat + " must be at most half the lease (" + registry.leaseMs()
                    + " ms), or the groups drop out of LIST between two heartbeats");
        }
        return new ServerSet.Plan(registry,
                endpoints(registriesGiven != null || registry != null ? registriesGiven : DEFAULT_REGISTRY, "--registry"),
                first(advertise, config.map(ServersConfig::advertise)),
                stores,
                groupLimits,
                heartbeat,
                positive(first(groupLeaseMs, config.map(ServersConfig::groupLeaseMs), GroupLease.DEFAULT_LEASE_MS),
                        "--group-lease-ms"),
                groups, security);
    }

    private SecurityPlan security(Optional<ServersConfig> config, Path data, boolean registryHere, List<GroupSpec> groups) {
        boolean on = first(secure, config.map(ServersConfig::secure), false);
        Path allowGroupsFile = allowGroups != null ? allowGroups
                : config.map(ServersConfig::registry).map(ServersConfig.RegistrySection::allowGroups).map(Path::of).orElse(null);
        boolean anyAllowUsers = groups.stream().anyMatch(g -> g.allowUsers() != null);
        List<String> owners = first(ownerKeys, config.map(ServersConfig::owners), List.of());
        if (!on) {
            if (anyAllowUsers || allowGroupsFile != null) {
                throw new UsageProblem("allow-lists need security: add --secure (or \"secure: true\" in the config file)");
            }
            if (!owners.isEmpty()) {
                throw new UsageProblem("owners need security, as only a key proves who a user is: add --secure"
                        + " (or \"secure: true\" in the config file)");
            }
            return SecurityPlan.OFF;
        }
        String keyGiven = first(registryKey, config.map(ServersConfig::registryKey));
        String externalKey = null;
        if (!registryHere && !groups.isEmpty()) {
            if (keyGiven == null) {
                throw new UsageProblem("--secure groups need the public key of the registry they register with:"
                        + " --registry-key KEY (the registry's launcher prints it at start)");
            }
            externalKey = KeyFiles.publicKeyFrom(keyGiven);
        }
        Path keys = keysDir != null ? keysDir : config.map(ServersConfig::keysDir).map(Path::of).orElse(data.resolve("keys"));
        checkWritable(keys);
        List<String> ownerIds = new ArrayList<>();
        for (String owner : owners) {
            try {
                ownerIds.add(PublicKeys.userIdFor(KeyFiles.publicKeyFrom(owner)));
            } catch (RuntimeException e) {
                throw new UsageProblem("--owner: " + e.getMessage());
            }
        }
        return new SecurityPlan(true, keys, externalKey, allowGroupsFile, ownerIds);
    }

    /** The flag's name when it was given, else the config file's key with its line. */
    private String label(Object flag, String flagName, String fileKey) {
        return flag == null && loaded != null && loaded.lines().containsKey(fileKey) ? loaded.key(fileKey) : flagName;
    }

    private static <T> T first(T flag, Optional<T> fromFile) {
        return flag != null ? flag : fromFile.orElse(null);
    }

    private static <T> T first(T flag, Optional<T> fromFile, T fallback) {
        T value = first(flag, fromFile);
        return value != null ? value : fallback;
    }

    private static List<Endpoint> endpoints(String value, String flag) {
        try {
            return Endpoint.parseList(value);
        } catch (IllegalArgumentException e) {
            throw new UsageProblem(flag + ": " + e.getMessage());
        }
    }

    private static Endpoint endpoint(String value, String flag) {
        try {
            return Endpoint.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageProblem(flag + ": " + e.getMessage());
        }
    }

    private static long positive(long value, String flag) {
        if (value <= 0) {
            throw new UsageProblem(flag + " must be positive, got " + value);
        }
        return value;
    }

    private static void atLeast(double value, double minimum, String setting) {
        if (value < minimum) {
            throw new UsageProblem(setting + " must be at least " + (long) minimum + ", got "
                    + (value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value)));
        }
    }

    private static Durability durability(String value, String setting) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "process-crash" -> Durability.PROCESS_CRASH;
            case "power-loss" -> Durability.POWER_LOSS;
            default -> throw new UsageProblem(setting + " must be process-crash or power-loss, got \"" + value + "\"");
        };
    }

    private static void checkWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            throw new UsageProblem("data folder " + dir.toAbsolutePath() + " cannot be written: " + describe(e));
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Reports the software and protocol versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"groupchat-servers " + ProtocolVersion.SOFTWARE + " (protocol " + ProtocolVersion.PROTOCOL + ")"};
        }
    }
}
