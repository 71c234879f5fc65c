package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.groupchat.protocol.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acknowledged means durable: a group server killed with kill -9 under load, again and again, loses and duplicates nothing. */
class DurabilityIT {
    private static final int SENDERS = 8;
    private static final int KILLS = Integer.getInteger("groupchat.kills", 20);

    @TempDir
    Path work;

    @Test
    void everyAcknowledgedMessageSurvivesRepeatedKillMinus9ExactlyOnceWithoutGaps() throws Exception {
        String endpoint = FreePorts.endpoint();
        String[] args = {
            "--group",
            "Durable=" + endpoint,
            "--data-dir",
            "data",
            "--registry",
            FreePorts.endpoint(),
            "--send-rate",
            "0"
        };
        ServerProcess server = ServerProcess.startReady(work, args);
        LoadOfSenders load = new LoadOfSenders(endpoint, SENDERS);
        try {
            load.joinAll();
            load.start();
            for (int kill = 1; kill <= KILLS; kill++) {
                int target = load.acknowledgedCount() + 100;
                await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledgedCount() >= target);
                server.kill9();
                int failuresBefore = load.failedAttempts();
                await().atMost(Duration.ofSeconds(10)).until(() -> load.failedAttempts() > failuresBefore);
                server = ServerProcess.startReady(work, args);
            }
            int target = load.acknowledgedCount() + 100;
            await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledgedCount() >= target);
            load.close();
            List<Message> stored = IndependentReader.assertIntact(endpoint, load);
            assertThat(stored).hasSizeGreaterThanOrEqualTo(load.acknowledgedCount());
            System.out.printf(
                    "durability: %d kill -9, %d messages acknowledged, %d stored, %d failed attempts retried%n",
                    KILLS, load.acknowledgedCount(), stored.size(), load.failedAttempts());
        } finally {
            load.close();
            server.close();
        }
    }
}
