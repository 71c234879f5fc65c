package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the servers log, as an operator reads it: starts and stops, expired leases, and never what people wrote. */
class LogsIT {
    private static final String SECRET = "the-password-is-swordfish";

    @TempDir
    Path work;

    @Test
    void eachServerLogsOneStartAndOneStopLineWithEndpointAndStoreAndNoMessageText() throws Exception {
        String registry = FreePorts.endpoint();
        String group = FreePorts.endpoint();
        ServerProcess servers = ServerProcess.startReady(
                work, "--verbose", "--registry-bind", registry, "--group", "Quiet=" + group, "--data-dir", "data");
        try (servers) {
            sendSecret(group);
            assertThat(servers.terminate()).isZero();
        }
        await().until(() -> servers.err().stream().anyMatch(l -> l.contains("stopped registry")));
        assertThat(servers.err())
                .filteredOn(l -> l.contains("started registry at " + registry))
                .hasSize(1);
        assertThat(servers.err())
                .filteredOn(l -> l.contains("stopped registry at " + registry))
                .hasSize(1);
        assertThat(servers.err())
                .filteredOn(l ->
                        l.contains("started group \"Quiet\" at " + group) && l.contains("quiet-") && l.contains(".db"))
                .hasSize(1);
        assertThat(servers.err())
                .filteredOn(l -> l.contains("stopped group \"Quiet\" at " + group))
                .hasSize(1);
        assertThat(servers.err())
                .as("debug lines of the SEND")
                .anyMatch(l -> l.contains("Send[") && l.contains("bytes, not logged"));
        assertThat(String.join("\n", servers.err())).doesNotContain(SECRET);
    }

    @Test
    void withLogMessageTextTheDebugLogShowsIt() throws Exception {
        String group = FreePorts.endpoint();
        ServerProcess servers = ServerProcess.startReady(
                work,
                "--verbose",
                "--log-message-text",
                "--group",
                "Loud=" + group,
                "--data-dir",
                "data",
                "--registry",
                FreePorts.endpoint());
        try (servers) {
            sendSecret(group);
            await().until(() -> String.join("\n", servers.err()).contains(SECRET));
            assertThat(servers.terminate()).isZero();
        }
    }

    @Test
    void anExpiredLeaseNamesItsGroup() throws Exception {
        String registry = FreePorts.endpoint();
        try (ServerProcess registryProcess =
                        ServerProcess.startReady(work, "--registry-bind", registry, "--lease-ms", "1000");
                ServerProcess group = ServerProcess.startReady(
                        work,
                        "--registry",
                        registry,
                        "--heartbeat-ms",
                        "300",
                        "--group",
                        "Vanishing=" + FreePorts.endpoint(),
                        "--data-dir",
                        "data")) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() ->
                            registryProcess.err().stream().anyMatch(l -> l.contains("group \"Vanishing\" registered")));
            group.kill9();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> registryProcess.err().stream()
                            .anyMatch(l -> l.contains("lease of group \"Vanishing\"") && l.contains("expired")));
            assertThat(registryProcess.terminate()).isZero();
        }
    }

    private void sendSecret(String group) throws Exception {
        assertThat(CliRun.run(work, null, "--identity", "a.json", "--name", "A", "join", group)
                        .exitCode())
                .isZero();
        assertThat(CliRun.run(work, null, "--identity", "a.json", "send", group, SECRET)
                        .out())
                .startsWith("sent #1");
    }
}
