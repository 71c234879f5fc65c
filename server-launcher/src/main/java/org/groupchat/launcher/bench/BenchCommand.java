package org.groupchat.launcher.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.groupchat.group.PostgresDatabase;
import org.groupchat.launcher.DatabaseOption;
import org.groupchat.launcher.ExitCode;
import org.groupchat.launcher.UsageProblem;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The load generator: runs the scenarios against servers it starts (or running ones) and prints the figures. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Measures GroupChat on this machine. Every figure comes with the same figure for a bare",
            "JeroMQ ROUTER that echoes the same request bytes to the same clients in the same run.",
            "Scenarios: send, deliver, fetch, search, registry, idle (also start-up time and heap), curve, retention, files.",
            "Default: all.",
            "With --client libzmq, pyzmq client processes instead (send, fetch, launch).",
            "Without --group-endpoint/--registry it starts its own servers on 127.0.0.1 in a temp folder."
        })
public final class BenchCommand implements Callable<Integer> {
    private static final List<String> SCENARIOS =
            List.of("send", "deliver", "fetch", "search", "registry", "idle", "curve", "retention", "files");
    private static final Set<String> DATABASE_SCENARIOS = Set.of("send", "fetch", "search", "retention");
    private static final List<String> LIBZMQ_SCENARIOS = List.of("send", "fetch", "launch");

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(
            arity = "0..*",
            paramLabel = "SCENARIO",
            description =
                    "send, deliver, fetch, search, registry, idle, curve (send with CURVE security), retention (SEND"
                            + " latency while retention drops --messages old messages, and after; default: all).")
    private List<String> scenarios = new ArrayList<>();

    @Option(
            names = "--client",
            paramLabel = "jeromq|libzmq",
            description = {
                "The clients: JeroMQ threads in this JVM"
                        + " (default), or libzmq: pyzmq processes running bench/libzmq_bench.py, one synchronous REQ each, with a"
                        + " libzmq ROUTER echo as the baseline. libzmq scenarios: send, fetch (600 messages since a time against the"
                        + " Python group server of bench/python_group_server.py; FETCH limit 1 against PING), launch (SEND rate in"
                        + " the first seconds of a launched group)."
            })
    private String client = "jeromq";

    @Option(
            names = "--python",
            paramLabel = "PATH",
            description = "The Python with pyzmq for --client libzmq (default:"
                    + " /usr/bin/python3, Debian's, where python3-zmq installs pyzmq).")
    private String python = "/usr/bin/python3";

    @Option(
            names = "--python-group-endpoint",
            paramLabel = "ENDPOINT",
            description =
                    "fetch --client libzmq: compare with this running Python group server (the protocol of"
                            + " bench/python_group_server.py: joinGroup, sendMessage, getMessage) instead of starting that one.")
    private String pythonGroupEndpoint;

    @Option(
            names = "--launch-java-options",
            paramLabel = "OPTIONS",
            description =
                    "launch, files: the JVM options of the group started as a child process, split at spaces (default: those of the"
                            + " installed groupchat-servers launcher, \"" + LaunchScenario.INSTALLED_LAUNCHER_OPTIONS
                            + "\"; \"\" for the JVM's own defaults).")
    private String launchJavaOptions = LaunchScenario.INSTALLED_LAUNCHER_OPTIONS;

    @Option(names = "--smoke", description = "Tiny sizes and short runs: checks that every scenario works, in seconds.")
    private boolean smoke;

    @Option(names = "--json", description = "Print the figures as JSON instead of a table.")
    private boolean json;

    @Option(
            names = "--group-endpoint",
            paramLabel = "ENDPOINT",
            description = "Load this running group (start it with --send-rate 0) instead of one started here.")
    private String groupEndpoint;

    @Option(
            names = "--registry",
            paramLabel = "ENDPOINT",
            description = "Load this running registry instead of one started here.")
    private String registry;

    @Option(
            names = "--database",
            paramLabel = "postgresql://USER@HOST:PORT/DBNAME",
            description =
                    "Run send, fetch and search again with the groups in this PostgreSQL database, beside SQLite (password:"
                            + " GROUPCHAT_DATABASE_PASSWORD or --database-password-file). Its groups are dropped at the end.")
    private String database;

    @Option(
            names = "--database-password-file",
            paramLabel = "FILE",
            description = "Read the database password from FILE.")
    private Path databasePasswordFile;

    @Mixin
    private BenchSizes sizes;

    @Option(
            names = "--keep-search-history",
            paramLabel = "DIR",
            description = "search: keep the filled group (its SQLite"
                    + " file in DIR; in --database under the name " + SearchScenario.KEPT_GROUP
                    + ") and reuse it in the next runs"
                    + " instead of filling again.")
    private Path keepSearchHistory;

    @Override
    public Integer call() throws InterruptedException {
        BenchSettings settings = sizes.settings(smoke);
        // The servers started here would log every bench group's registration; only problems matter in a bench.
        ((Logger) LoggerFactory.getLogger("org.groupchat")).setLevel(Level.WARN);
        Set<String> chosen = chosenScenarios();
        PrintWriter err = spec.commandLine().getErr();
        BenchReport report = new BenchReport(smoke);
        PostgresDatabase postgres = database == null ? null : DatabaseOption.parse(database, databasePasswordFile);
        if (postgres != null) {
            postgres.migrate();
        }
        try (BenchTarget target = new BenchTarget(groupEndpoint, registry)) {
            libzmqIfChosen(target);
            run(target, chosen, settings, report, err);
        }
        if (postgres != null) {
            Set<String> onDatabase = new LinkedHashSet<>(chosen);
            onDatabase.retainAll(DATABASE_SCENARIOS);
            try (BenchTarget target = new BenchTarget(null, registry, postgres)) {
                libzmqIfChosen(target);
                run(target, onDatabase, settings, report, err);
            }
            report.compareStores();
        }
        if (json) {
            report.printJson(spec.commandLine().getOut());
        } else {
            report.printTable(spec.commandLine().getOut());
        }
        return ExitCode.OK.code();
    }

    private boolean libzmq() {
        return client.equals("libzmq");
    }

    private void libzmqIfChosen(BenchTarget target) {
        if (libzmq()) {
            target.useLibzmqClients(python);
        }
    }

    private void run(
            BenchTarget target, Set<String> chosen, BenchSettings settings, BenchReport report, PrintWriter err)
            throws InterruptedException {
        HistoryDatabase history = null;
        for (String scenario : chosen) {
            err.println("bench: " + target.scenario(scenario) + " ...");
            err.flush();
            long started = System.nanoTime();
            if ((scenario.equals("fetch") && !libzmq() || scenario.equals("idle"))
                    && history == null
                    && target.runsOwnGroup()) {
                history = HistoryDatabase.fill(
                        target, target.groupName(BenchTarget.HISTORY_GROUP), settings.historyMessages());
                report.add(Figure.info(
                        target.scenario("fetch"),
                        "bulk fill of the history",
                        "msg/s",
                        history.messages() / history.fillSeconds(),
                        Double.NaN));
            }
            switch (scenario) {
                case "send" -> SendScenario.run(target, settings, report);
                case "deliver" -> DeliverScenario.run(target, settings, report);
                case "search" -> {
                    if (target.runsOwnGroup()) {
                        SearchScenario.run(target, settings, report, keepSearchHistory);
                    } else {
                        err.println("bench: search skipped: it fills a group of its own (drop --group-endpoint)");
                    }
                }
                case "fetch" -> {
                    if (libzmq()) {
                        LibzmqFetchScenario.run(target, settings, report, pythonGroupEndpoint);
                    } else {
                        FetchScenario.run(target, settings, report, history);
                    }
                }
                case "launch" -> LaunchScenario.run(target, settings, report, smoke, launchJavaOptions);
                case "registry" -> RegistryScenario.run(target, settings, report);
                case "idle" -> runIdle(target, settings, report, history, err);
                case "curve" -> runCurve(target, settings, report, err);
                case "retention" -> runRetention(target, settings, report, err);
                case "files" -> FilesScenario.run(target, report, smoke, launchJavaOptions);
                default -> throw new IllegalStateException(scenario);
            }
            err.printf("bench: %s took %.1f s%n", target.scenario(scenario), (System.nanoTime() - started) / 1e9);
            err.flush();
        }
    }

    private static void runIdle(
            BenchTarget target, BenchSettings settings, BenchReport report, HistoryDatabase history, PrintWriter err)
            throws InterruptedException {
        if (!target.runsOwnGroup()) {
            err.println("bench: idle skipped: it measures a server process it starts itself (drop --group-endpoint)");
            return;
        }
        IdleScenario.run(target, settings, report, history);
    }

    private static void runCurve(BenchTarget target, BenchSettings settings, BenchReport report, PrintWriter err)
            throws InterruptedException {
        if (!target.runsOwnGroup()) {
            err.println(
                    "bench: curve skipped: it compares groups it starts itself with and without CURVE (drop --group-endpoint)");
            return;
        }
        CurveScenario.run(target, settings, report);
    }

    private static void runRetention(BenchTarget target, BenchSettings settings, BenchReport report, PrintWriter err) {
        if (!target.runsOwnGroup()) {
            err.println(
                    "bench: retention skipped: it fills and sweeps a group it starts itself (drop --group-endpoint)");
            return;
        }
        RetentionScenario.run(target, settings, report);
    }

    private Set<String> chosenScenarios() {
        if (!client.equals("jeromq") && !libzmq()) {
            throw new UsageProblem("--client is jeromq or libzmq, not \"" + client + "\"");
        }
        List<String> known = libzmq() ? LIBZMQ_SCENARIOS : SCENARIOS;
        Set<String> chosen = new LinkedHashSet<>();
        for (String scenario : scenarios.isEmpty() ? known : scenarios) {
            if (!known.contains(scenario)) {
                throw new UsageProblem(
                        "unknown scenario \"" + scenario + "\" with --client " + client + "; choose from " + known);
            }
            if (scenario.equals("launch") && groupEndpoint != null) {
                throw new UsageProblem("launch starts a group of its own; drop --group-endpoint");
            }
            chosen.add(scenario);
        }
        return chosen;
    }
}
