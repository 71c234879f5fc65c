package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded soak (not in CI; run with -Psoak): connect/disconnect churn plus steady senders and long-pollers against a
 * real group server process; its threads, open files and live heap must stay flat.
 */
class SoakIT {
    @TempDir
    Path work;

    @Test
    void threadsFilesAndHeapStayFlatUnderChurnAndSteadyLoad() throws Exception {
        String minutesProperty = System.getProperty("groupchat.soakMinutes");
        assumeThat(minutesProperty)
                .as("soak runs only with -Psoak (groupchat.soakMinutes)")
                .isNotNull();
        Duration length = Duration.ofSeconds((long) (Double.parseDouble(minutesProperty) * 60));
        String endpoint = FreePorts.endpoint();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong churned = new AtomicLong();
        AtomicLong polled = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        try (ServerProcess server = ServerProcess.startReady(
                work,
                "--group",
                "Soak=" + endpoint,
                "--data-dir",
                "data",
                "--registry",
                FreePorts.endpoint(),
                "--send-rate",
                "0")) {
            LoadOfSenders senders = new LoadOfSenders(endpoint, 4);
            senders.joinAll();
            senders.start();
            for (int i = 0; i < 8; i++) {
                workers.add(start("poller-" + i, () -> longPoll(endpoint, running, polled)));
            }
            workers.add(start("churn", () -> churn(endpoint, running, churned)));

            List<ProcessVitals> samples = new ArrayList<>();
            long end = System.nanoTime() + length.toNanos();
            long sampleEveryNanos = Math.max(5_000_000_000L, length.toNanos() / 20);
            System.out.printf(
                    "soak: %-8s %8s %10s %12s %10s %10s%n",
                    "time", "threads", "open-files", "heap-used-kB", "acked", "churned");
            for (long next = System.nanoTime(); next - end < 0; next += sampleEveryNanos) {
                long waitMs = (next - System.nanoTime()) / 1_000_000;
                if (waitMs > 0) {
                    Thread.sleep(waitMs); // a sampling interval, not a wait for a condition
                }
                ProcessVitals vitals = ProcessVitals.of(server.pid());
                samples.add(vitals);
                System.out.printf(
                        "soak: %-8s %8d %10d %12d %10d %10d%n",
                        (samples.size() - 1) * sampleEveryNanos / 1_000_000_000 + "s",
                        vitals.threads(),
                        vitals.openFiles(),
                        vitals.heapUsedKb(),
                        senders.acknowledgedCount(),
                        churned.get());
            }
            running.set(false);
            senders.close();
            for (Thread worker : workers) {
                worker.join(60_000);
            }
            IndependentReader.assertIntact(endpoint, senders);

            ProcessVitals warm = samples.get(Math.min(2, samples.size() - 1));
            ProcessVitals last = samples.get(samples.size() - 1);
            System.out.printf(
                    "soak: %s, %d messages acknowledged, %d churned clients, %d long polls answered%n",
                    length, senders.acknowledgedCount(), churned.get(), polled.get());
            assertThat(last.threads()).as("threads").isLessThanOrEqualTo(warm.threads() + 2);
            assertThat(last.openFiles()).as("open files").isLessThanOrEqualTo(warm.openFiles() + 16);
            assertThat(last.heapUsedKb()).as("live heap, kB").isLessThanOrEqualTo(warm.heapUsedKb() * 3 / 2 + 8_192);
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.start();
        return thread;
    }

    private static void longPoll(String endpoint, AtomicBoolean running, AtomicLong polled) {
        User user = new User(UUID.randomUUID().toString(), "Poller");
        try (GroupClient client = new GroupClient(endpoint, user)) {
            long after = client.join().lastSeq();
            while (running.get()) {
                var page = client.fetchAfter(after, 100, 2_000);
                if (!page.messages().isEmpty()) {
                    after = page.messages().get(page.messages().size() - 1).seq();
                    polled.incrementAndGet();
                }
            }
        }
    }

    private static void churn(String endpoint, AtomicBoolean running, AtomicLong churned) {
        while (running.get()) {
            User user = new User(UUID.randomUUID().toString(), "Visitor");
            try (GroupClient visitor = new GroupClient(endpoint, user)) {
                visitor.join();
                visitor.send("hello and goodbye");
                visitor.fetchNewest(20);
                visitor.leave();
            }
            churned.incrementAndGet();
        }
    }
}
