package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.groupchat.client.GroupClient;
import org.groupchat.client.RegistryClient;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry lists exactly the live groups: dead ones leave within a lease, a restarted registry refills itself. */
class LivenessIT {
    @TempDir
    Path work;

    @Test
    void aKilledGroupServerLeavesTheListWithinOneLease() throws Exception {
        String registry = FreePorts.endpoint();
        long leaseMs = 2_000;
        try (ServerProcess registryProcess =
                        ServerProcess.startReady(work, "--registry-bind", registry, "--lease-ms", "" + leaseMs);
                ServerProcess group = ServerProcess.startReady(
                        work,
                        "--registry",
                        registry,
                        "--heartbeat-ms",
                        "500",
                        "--group",
                        "Doomed=" + FreePorts.endpoint(),
                        "--data-dir",
                        "data");
                RegistryClient client = new RegistryClient(registry)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> client.list().size() == 1);
            long killedAt = System.nanoTime();
            group.kill9();
            await().atMost(Duration.ofMillis(leaseMs + 1_000))
                    .pollInterval(Duration.ofMillis(25))
                    .until(() -> client.list().isEmpty());
            long goneAfterMs = (System.nanoTime() - killedAt) / 1_000_000;
            assertThat(goneAfterMs)
                    .as("gone within one lease of %d ms", leaseMs)
                    .isLessThanOrEqualTo(leaseMs + 100);
        }
    }

    @Test
    void aRestartedRegistryGetsItsGroupsBackWithinOneHeartbeatAndGroupTrafficGoesOnMeanwhile() throws Exception {
        String registry = FreePorts.endpoint();
        String groupEndpoint = FreePorts.endpoint();
        long heartbeatMs = 2_000;
        ServerProcess registryProcess = ServerProcess.startReady(work, "--registry-bind", registry);
        try (ServerProcess group = ServerProcess.startReady(
                        work, "--registry", registry, "--group", "Steady=" + groupEndpoint, "--data-dir", "data");
                RegistryClient client = new RegistryClient(registry);
                GroupClient member = new GroupClient(
                        groupEndpoint, new User(UUID.randomUUID().toString(), "Member"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> client.list().size() == 1);
            member.join();

            registryProcess.kill9();
            assertThat(member.send("while the registry is down").seq()).isEqualTo(1);
            assertThat(member.fetchAfter(0, 10, 0).messages()).hasSize(1);

            registryProcess = ServerProcess.startReady(work, "--registry-bind", registry);
            long restartedAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(25))
                    .until(() -> client.list().size() == 1);
            long backAfterMs = (System.nanoTime() - restartedAt) / 1_000_000;
            assertThat(backAfterMs).as("listed again within one heartbeat").isLessThanOrEqualTo(heartbeatMs);
            assertThat(client.list().get(0).lastSeq()).isEqualTo(1);
        } finally {
            registryProcess.close();
        }
    }
}
