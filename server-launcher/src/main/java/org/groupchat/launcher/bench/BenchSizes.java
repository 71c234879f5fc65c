package org.groupchat.launcher.bench;

import java.util.List;
import org.groupchat.launcher.UsageProblem;
import picocli.CommandLine.Option;

/** The bench's sizes and durations; what is not given comes from the full run's defaults, or the smoke run's. */
final class BenchSizes {
    @Option(names = "--clients", split = ",", paramLabel = "C", description = "send: client counts (default: 1,8,32).")
    List<Integer> clients;

    @Option(
            names = "--warmup-ms",
            paramLabel = "MS",
            description = "Unmeasured warm-up before each measurement (default: 2000).")
    Long warmupMs;

    @Option(names = "--duration-ms", paramLabel = "MS", description = "Length of each measurement (default: 10000).")
    Long durationMs;

    @Option(names = "--members", paramLabel = "M", description = "deliver: long-polling members (default: 50).")
    Integer members;

    @Option(
            names = "--post-rate",
            paramLabel = "PER_SECOND",
            description = "deliver: messages posted per second (default: 50).")
    Integer postRate;

    @Option(
            names = "--messages",
            paramLabel = "N",
            description = "fetch, search, idle, retention: messages pre-filled in the history (default: 1000000).")
    Integer messages;

    @Option(names = "--parked", paramLabel = "N", description = "idle: parked long polls (default: 1000).")
    Integer parked;

    @Option(names = "--idle-ms", paramLabel = "MS", description = "idle: how long CPU is measured (default: 10000).")
    Long idleMs;

    @Option(names = "--groups", paramLabel = "N", description = "registry: heartbeating groups (default: 1000).")
    Integer groups;

    /** The sizes given, the rest from the full or the smoke defaults; each checked. */
    BenchSettings settings(boolean smoke) {
        BenchSettings base = smoke ? BenchSettings.smoke() : BenchSettings.full();
        BenchSettings settings = new BenchSettings(
                clients != null ? List.copyOf(clients) : base.clientCounts(),
                warmupMs != null ? warmupMs : base.warmupMs(),
                durationMs != null ? durationMs : base.durationMs(),
                members != null ? members : base.members(),
                postRate != null ? postRate : base.sendsPerSecond(),
                messages != null ? messages : base.historyMessages(),
                parked != null ? parked : base.parkedPolls(),
                idleMs != null ? idleMs : base.idleMs(),
                groups != null ? groups : base.groups());
        if (settings.clientCounts().stream().anyMatch(c -> c < 1)
                || settings.durationMs() < 1
                || settings.members() < 1
                || settings.sendsPerSecond() < 1
                || settings.historyMessages() < 200
                || settings.parkedPolls() < 1
                || settings.idleMs() < 1
                || settings.groups() < 1
                || settings.warmupMs() < 0) {
            throw new UsageProblem("sizes and durations must be positive, and --messages at least 200");
        }
        return settings;
    }
}
