package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.Member;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acknowledged means durable: a group server killed with kill -9 under load loses and duplicates nothing. */
class DurabilityIT {
    private static final int SENDERS = 8;
    private static final int KILLS = Integer.getInteger("groupchat.kills", 3);

    @TempDir
    Path work;

    @Test
    void everyAcknowledgedMessageSurvivesKillMinus9ExactlyOnceWithoutGaps() throws Exception {
        String endpoint = FreePorts.endpoint();
        String[] args = {"--group", "Durable=" + endpoint, "--data-dir", "data", "--registry", FreePorts.endpoint(),
            "--send-rate", "0"};
        ServerProcess server = ServerProcess.startReady(work, args);
        LoadOfSenders load = new LoadOfSenders(endpoint, SENDERS);
        try {
            load.joinAll();
            load.start();
            for (int kill = 1; kill <= KILLS; kill++) {
                int target = load.acknowledgedCount() + 150;
                await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledgedCount() >= target);
                server.kill9();
                int failuresBefore = load.failedAttempts();
                await().atMost(Duration.ofSeconds(10)).until(() -> load.failedAttempts() > failuresBefore);
                server = ServerProcess.startReady(work, args);
            }
            int target = load.acknowledgedCount() + 150;
            await().atMost(Duration.ofSeconds(30)).until(() -> load.acknowledgedCount() >= target);
        } finally {
            load.close();
        }

        try (GroupClient reader = new GroupClient(endpoint, load.users().get(0))) {
            List<Message> stored = readAll(reader);
            assertThat(stored).extracting(Message::seq)
                    .as("seq is gap-free from 1")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, stored.size()).boxed().toList());
            Map<String, Message> byId = new HashMap<>();
            stored.forEach(m -> assertThat(byId.put(m.id(), m)).as("message %s stored once", m.id()).isNull());
            load.acknowledged().forEach((id, acked) -> assertThat(byId.get(id)).as("acknowledged %s", id).isEqualTo(acked));
            assertThat(stored).hasSizeGreaterThanOrEqualTo(load.acknowledgedCount());
            assertThat(reader.members()).extracting(Member::id)
                    .containsExactlyInAnyOrderElementsOf(load.users().stream().map(u -> u.id()).toList());
        } finally {
            server.close();
        }
        assertThat(load.failedAttempts()).as("the kills were felt by the senders").isPositive();
    }

    static List<Message> readAll(GroupClient reader) {
        List<Message> all = new ArrayList<>();
        long after = 0;
        Reply.Fetched page;
        do {
            page = reader.fetchAfter(after, 500, 0);
            all.addAll(page.messages());
            if (!page.messages().isEmpty()) {
                after = page.messages().get(page.messages().size() - 1).seq();
            }
        } while (page.more());
        return all;
    }
}
