package org.groupchat.launcher.bench;

import java.time.Duration;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.User;

/**
 * How long a SEND waits while retention drops old history: a group whose whole pre-filled history is older than its
 * retention starts sweeping at once; one client sends in a closed loop through the sweep, then for as long again
 * after it, on the same group and connection. The sweep's end is seen in FETCH's {@code firstSeq}.
 */
final class RetentionScenario {
    private static final long RETAIN_MS = 3_600_000;
    private static final long FIRST_SEQ_CHECK_NANOS = 250_000_000L;
    private static final long LONGEST_SWEEP_NANOS = 600_000_000_000L;
    private static final String TEXT = "a message sent while retention sweeps, about as long as a chat line";

    private RetentionScenario() {}

    static void run(BenchTarget target, BenchSettings settings, BenchReport report) {
        warmUp(target, settings);
        String name = target.groupName("bench-retention");
        HistoryDatabase history = HistoryDatabase.fill(target, name, settings.historyMessages());
        String group = target.startGroup(history.open(), name, BenchTarget.LIMITS.withRetainMs(RETAIN_MS));
        String scenario = target.scenario("retention");
        String n = BenchReport.number(history.messages()) + " old msgs ";
        try (GroupClient client = client(target, group, "sender")) {
            client.join();
            Histogram during = LatencyRecorder.newHistogram();
            long started = System.nanoTime();
            long nextCheck = started;
            boolean swept = false;
            while (!swept && System.nanoTime() - started < LONGEST_SWEEP_NANOS) {
                timedSend(client, during);
                if (System.nanoTime() - nextCheck >= 0) {
                    Reply.Fetched newest = client.fetchNewest(1);
                    swept = newest.firstSeq() != null && newest.firstSeq() > history.messages();
                    nextCheck = System.nanoTime() + FIRST_SEQ_CHECK_NANOS;
                }
            }
            double sweepSeconds = (System.nanoTime() - started) / 1e9;
            Histogram after = LatencyRecorder.newHistogram();
            long afterStarted = System.nanoTime();
            while (System.nanoTime() - afterStarted < (long) (sweepSeconds * 1e9)) {
                timedSend(client, after);
            }
            report.add(Figure.info(scenario, n + "sweep took", "s", sweepSeconds, Double.NaN));
            add(report, scenario, "during the sweep", during, sweepSeconds);
            add(report, scenario, "after it, same group", after, (System.nanoTime() - afterStarted) / 1e9);
        }
        target.stopServers();
    }

    /** The server code runs in this JVM: send for the warm-up time to a group without retention first. */
    private static void warmUp(BenchTarget target, BenchSettings settings) {
        String name = target.groupName("bench-retention-warmup");
        String group = target.startGroup(target.openStore(name), name);
        try (GroupClient client = client(target, group, "warm-up")) {
            client.join();
            Histogram ignored = LatencyRecorder.newHistogram();
            long until = System.nanoTime() + settings.warmupMs() * 1_000_000L;
            while (System.nanoTime() - until < 0) {
                timedSend(client, ignored);
            }
        }
    }

    private static GroupClient client(BenchTarget target, String group, String name) {
        return new GroupClient(
                target.clients(),
                group,
                new User(UUID.randomUUID().toString(), name),
                ClientOptions.DEFAULT.withTimeout(Duration.ofSeconds(10)));
    }

    private static void timedSend(GroupClient client, Histogram into) {
        long start = System.nanoTime();
        client.send(TEXT);
        into.recordValue(LatencyRecorder.micros(start, System.nanoTime()));
    }

    private static void add(BenchReport report, String scenario, String when, Histogram sends, double seconds) {
        String c = "C=1 SEND ";
        report.add(
                Figure.info(scenario, c + "p50 " + when, "ms", sends.getValueAtPercentile(50) / 1_000.0, Double.NaN));
        report.add(
                Figure.info(scenario, c + "p99 " + when, "ms", sends.getValueAtPercentile(99) / 1_000.0, Double.NaN));
        report.add(Figure.info(scenario, c + "max " + when, "ms", sends.getMaxValue() / 1_000.0, Double.NaN));
        report.add(Figure.info(scenario, c + "rate " + when, "msg/s", sends.getTotalCount() / seconds, Double.NaN));
    }
}
