package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupClient;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.testing.OneThreadClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server frozen (SIGSTOP) past the clients' timeout: they time out, retry, and succeed, and nothing is stored twice. */
class StalledServerIT {
    @TempDir
    Path work;

    @Test
    void aClientOutlastsAFrozenServerWithoutADuplicate() throws Exception {
        String endpoint = FreePorts.endpoint();
        User alice = new User(UUID.randomUUID().toString(), "Alice");
        try (ServerProcess server = ServerProcess.startReady(
                work, "--group", "Frozen=" + endpoint, "--data-dir", "data", "--registry", FreePorts.endpoint())) {
            try (GroupClient setup = new GroupClient(endpoint, alice)) {
                setup.join();
            }
            ClientOptions patient = new ClientOptions(Duration.ofMillis(300), 20, Duration.ofMillis(50));
            try (OneThreadClient client = new OneThreadClient(() -> new GroupClient(null, endpoint, alice, patient))) {
                client.call(GroupClient::ping);
                server.signal("STOP");
                String id = UUID.randomUUID().toString();
                CompletableFuture<Message> sending = client.ask(c -> c.send(id, "through the freeze"));
                try {
                    assertThat(sending)
                            .failsWithin(Duration.ofMillis(1_500))
                            .withThrowableThat()
                            .isInstanceOf(TimeoutException.class);
                } finally {
                    server.signal("CONT");
                }
                Message sent = sending.get(20, TimeUnit.SECONDS);
                assertThat(sent.text()).isEqualTo("through the freeze");
                assertThat(client.call(IndependentReader::readAll))
                        .extracting(Message::id)
                        .containsExactly(id);
            }
            assertThat(server.terminate()).isZero();
        }
    }

    @Test
    void eightSendersOutlastAFrozenServerWithNothingLostOrDoubled() throws Exception {
        String endpoint = FreePorts.endpoint();
        try (ServerProcess server = ServerProcess.startReady(
                work,
                "--group",
                "Frozen=" + endpoint,
                "--data-dir",
                "data",
                "--registry",
                FreePorts.endpoint(),
                "--send-rate",
                "0")) {
            LoadOfSenders load = new LoadOfSenders(endpoint, 8);
            try {
                load.joinAll();
                load.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> load.acknowledgedCount() >= 200);
                server.signal("STOP");
                int failuresBefore = load.failedAttempts();
                try {
                    await().atMost(Duration.ofSeconds(10)).until(() -> load.failedAttempts() >= failuresBefore + 8);
                } finally {
                    server.signal("CONT");
                }
                int target = load.acknowledgedCount() + 200;
                await().atMost(Duration.ofSeconds(20)).until(() -> load.acknowledgedCount() >= target);
            } finally {
                load.close();
            }
            IndependentReader.assertIntact(endpoint, load);
            assertThat(server.terminate()).isZero();
        }
    }
}
