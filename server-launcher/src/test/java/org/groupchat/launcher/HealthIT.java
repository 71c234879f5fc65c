package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.groupchat.client.ClientOptions;
import org.groupchat.client.GroupChatException;
import org.groupchat.client.GroupClient;
import org.groupchat.group.GroupDatabase;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /health} of a real launcher when a group's loop is stuck on a store that does not answer, and after. */
class HealthIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void aGroupStuckOnALockedDatabaseMakesHealthUnhealthyWithOneLineUntilItTurnsAgain() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String group = FreePorts.endpoint();
        String health = "http://127.0.0.1:" + port + "/health";
        AtomicBoolean sending = new AtomicBoolean(true);
        try (ServerProcess servers = ServerProcess.startReady(
                        work,
                        "--registry-bind",
                        FreePorts.endpoint(),
                        "--group",
                        "Locked=" + group,
                        "--data-dir",
                        "data",
                        "--metrics-bind",
                        "127.0.0.1:" + port);
                GroupClient alice = new GroupClient(
                        null,
                        group,
                        new User(UUID.randomUUID().toString(), "Alice"),
                        ClientOptions.DEFAULT
                                .withTimeout(Duration.ofSeconds(20))
                                .withRetries(0))) {
            alice.join();
            assertThat(get(health).statusCode()).isEqualTo(200);

            Path db = work.resolve("data").resolve(GroupDatabase.stemFor("Locked") + ".db");
            CompletableFuture<Void> sender;
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
                    Statement st = other.createStatement()) {
                st.execute("BEGIN EXCLUSIVE");
                // each SEND waits out the group's busy timeout on the lock, in the group's own loop
                sender = CompletableFuture.runAsync(() -> {
                    while (sending.get()) {
                        try {
                            alice.send("while the database is locked");
                        } catch (GroupChatException e) {
                            // refused after the busy timeout; send again so the loop stays stuck
                        }
                    }
                });
                HttpResponse<String> stuck = await().atMost(Duration.ofSeconds(15))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> get(health), response -> response.statusCode() == 503);
                assertThat(stuck.body())
                        .endsWith("\n")
                        .hasLineCount(1)
                        .startsWith("the group \"Locked\" is stuck: its loop has not turned for");
                sending.set(false);
                st.execute("ROLLBACK");
            }
            sender.get();
            await().atMost(Duration.ofSeconds(15)).until(() -> get(health).statusCode() == 200);
            assertThat(get(health).body()).isEqualTo("ok\n");
            assertThat(alice.send("after the lock").text()).isEqualTo("after the lock");
            assertThat(servers.terminate()).isZero();
        } finally {
            sending.set(false);
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
