package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.testing.HostileServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The defects an operator's trial found (issue 17), each as the operator met it: real launcher processes. */
class OperatorTrialIT {
    @TempDir
    Path work;

    @Test
    void anAddressOfAnotherMachineSaysSoAndLeavesNoDatabaseBehind() throws Exception {
        ServerProcess server = ServerProcess.start(
                work, "--group", "Bad=tcp://10.9.9.9:5591", "--data-dir", "data", "--registry", FreePorts.endpoint());
        assertThat(server.waitFor()).isEqualTo(2);
        await().until(() -> !server.err().isEmpty());
        assertThat(server.err())
                .singleElement()
                .asString()
                .contains("cannot bind tcp://10.9.9.9:5591")
                .contains("not on this machine")
                .doesNotContain("already in use");
        assertThat(filesIn(work.resolve("data"))).noneMatch(name -> name.endsWith(".db"));
    }

    @Test
    void aRegistryRefusalAtStartIsOneLineANonZeroExitAndNoNewDatabase() throws Exception {
        String registry = FreePorts.endpoint();
        try (ServerProcess holder = ServerProcess.startReady(
                work, "--registry-bind", registry, "--group", "Lobby=" + FreePorts.endpoint(), "--data-dir", "data")) {
            ServerProcess second = ServerProcess.start(
                    work, "--registry", registry, "--group", "Lobby=" + FreePorts.endpoint(), "--data-dir", "data2");
            assertThat(second.waitFor()).isEqualTo(2);
            await().until(() -> !second.err().isEmpty());
            assertThat(second.err())
                    .singleElement()
                    .asString()
                    .startsWith("groupchat-servers: group \"Lobby\"")
                    .contains("NAME_TAKEN");
            assertThat(second.out()).noneMatch(line -> line.startsWith("group"));
            assertThat(filesIn(work.resolve("data2"))).noneMatch(name -> name.endsWith(".db"));
            assertThat(holder.terminate()).isZero();
        }
    }

    @Test
    void changingOnlyTheCaseOfAGroupNameKeepsItsHistory() throws Exception {
        String endpoint = FreePorts.endpoint();
        try (ServerProcess first = ServerProcess.startReady(
                work, "--group", "V=" + endpoint, "--data-dir", "data", "--registry", FreePorts.endpoint())) {
            assertThat(CliRun.run(work, null, "--identity", "a.json", "--name", "A", "join", endpoint)
                            .exitCode())
                    .isZero();
            assertThat(CliRun.run(work, null, "--identity", "a.json", "send", endpoint, "kept")
                            .out())
                    .startsWith("sent #1");
            assertThat(first.terminate()).isZero();
        }
        try (ServerProcess second = ServerProcess.startReady(
                work, "--group", "v=" + endpoint, "--data-dir", "data", "--registry", FreePorts.endpoint())) {
            assertThat(second.out()).anyMatch(line -> line.startsWith("group") && line.contains("(1 messages in"));
            assertThat(CliRun.run(work, null, "--identity", "a.json", "fetch", endpoint)
                            .out())
                    .contains("A: kept");
            assertThat(second.terminate()).isZero();
        }
        assertThat(filesIn(work.resolve("data")))
                .filteredOn(name -> name.endsWith(".db"))
                .hasSize(1);
    }

    @Test
    void aHeartbeatNotWellInsideTheLeaseIsRefusedWithOneLine() throws Exception {
        ServerProcess server = ServerProcess.start(
                work,
                "--registry-bind",
                FreePorts.endpoint(),
                "--lease-ms",
                "6000",
                "--heartbeat-ms",
                "4000",
                "--group",
                "G=tcp://127.0.0.1:*",
                "--data-dir",
                "data");
        assertThat(server.waitFor()).isEqualTo(2);
        await().until(() -> !server.err().isEmpty());
        assertThat(server.err())
                .singleElement()
                .asString()
                .isEqualTo("groupchat-servers: --heartbeat-ms 4000 must be at most half the lease (6000 ms),"
                        + " or the groups drop out of LIST between two heartbeats");
    }

    @Test
    void theClientHintOfARegistryBoundToEveryInterfaceNamesTheAdvertisedHost() throws Exception {
        String port = FreePorts.endpoint().replaceAll(".*:", "");
        try (ServerProcess server = ServerProcess.startReady(
                work,
                "--registry-bind",
                "tcp://*:" + port,
                "--advertise",
                "chat.example.invalid",
                "--secure",
                "--data-dir",
                "data")) {
            assertThat(server.out())
                    .anyMatch(line ->
                            line.contains("clients connect with: --registry tcp://chat.example.invalid:" + port));
            assertThat(server.out()).noneMatch(line -> line.contains("--registry tcp://127.0.0.1"));
            assertThat(server.terminate()).isZero();
        }
    }

    @Test
    void anAdvertisedNameThatDoesNotResolveIsWarnedAboutAtStart() throws Exception {
        try (ServerProcess server = ServerProcess.startReady(
                work,
                "--group",
                "G=tcp://*:0",
                "--advertise",
                "nowhere.invalid",
                "--registry",
                FreePorts.endpoint(),
                "--data-dir",
                "data")) {
            assertThat(server.err())
                    .anyMatch(line -> line.contains("WARN")
                            && line.contains("--advertise nowhere.invalid")
                            && line.contains("does not resolve"));
            assertThat(server.terminate()).isZero();
        }
    }

    @Test
    void aClientWithARegistryKeyRefusesAGroupListedWithoutCurve() throws Exception {
        CurveKeyPair registryKeys = CurveKeyPair.generate();
        String plainGroup = FreePorts.endpoint();
        byte[] listing = ("{\"ok\":true,\"group\":{\"name\":\"Plain\",\"endpoint\":\"" + plainGroup
                        + "\",\"members\":0," + "\"online\":0,\"lastSeq\":0,\"since\":0}}")
                .getBytes(StandardCharsets.UTF_8);
        try (HostileServer oldRegistry = new HostileServer(registryKeys, request -> List.of(listing))) {
            CliRun send = CliRun.run(
                    work,
                    null,
                    "--registry",
                    oldRegistry.endpoint(),
                    "--registry-key",
                    registryKeys.publicKey(),
                    "--identity",
                    "a.json",
                    "--name",
                    "A",
                    "send",
                    "Plain",
                    "secret plans");
            assertThat(send.exitCode()).isEqualTo(2);
            assertThat(send.err().strip())
                    .startsWith("groupchat-servers: group \"Plain\" is listed without a key by a secure registry")
                    .contains("plaintext")
                    .contains("refuses");
        }
    }

    @Test
    void everyConfigFileErrorNamesTheKeyAndTheLine() throws Exception {
        assertConfigError("groups:\n  - name: A\n    bind: tcp://127.0.0.1:*\n   - name: B\n", "line 4", "- name: B");
        assertConfigError(
                "limits:\n  maxMembers: many\n",
                "line 2",
                "\"limits.maxMembers\": expected a whole number, got \"many\"");
        assertConfigError("", "is empty", "\"groups:\"");
        assertConfigError(
                "registry:\n  bind: tcp://127.0.0.1:*\nlimits:\n  maxMembers: -5\n",
                "limits.maxMembers (servers.yaml line 4)",
                "got -5");
        assertConfigError(
                "registry:\n  bind: tcp://127.0.0.1:*\n  leasems: 100\n", "line 3", "unknown key \"registry.leasems\"");
        assertConfigError(
                "groups:\n  - bind: tcp://127.0.0.1:*\n", "groups[0] (servers.yaml line 2)", "needs \"name:\"");
        assertConfigError(
                "groups:\n  - name: A\n    bind: tcp://127.0.0.1:*\n    retainDays: 0\n",
                "groups[0].retainDays (servers.yaml line 4)",
                "at least 1, got 0");
        assertConfigError(
                "retainDays: -5\ngroups:\n  - name: A\n    bind: tcp://127.0.0.1:*\n",
                "retainDays (servers.yaml line 1)",
                "at least 1, got -5");
        assertConfigError(
                "heartbeatMs: 0\ngroups:\n  - name: A\n    bind: tcp://127.0.0.1:*\n",
                "heartbeatMs (servers.yaml line 1)",
                "must be positive, got 0");
        assertConfigError(
                "registry:\n  bind: tcp://127.0.0.1:*\nlimits:\n  maxParkedPollsPerUser: -1\n",
                "limits.maxParkedPollsPerUser (servers.yaml line 4)",
                "at least 0, got -1");
        assertConfigError(
                "registry:\n  bind: tcp://127.0.0.1:*\nlimits:\n  maxFileSize: lots\n",
                "limits.maxFileSize (servers.yaml line 4)",
                "must be a size such as 25MiB");
    }

    private void assertConfigError(String yaml, String where, String what) throws Exception {
        Files.writeString(work.resolve("servers.yaml"), yaml);
        ServerProcess server = ServerProcess.start(work, "--config", "servers.yaml");
        assertThat(server.waitFor()).as("exit for %s", yaml).isEqualTo(2);
        await().until(() -> !server.err().isEmpty());
        assertThat(server.err())
                .as("stderr for %s", yaml)
                .singleElement()
                .asString()
                .startsWith("groupchat-servers: ")
                .contains(where)
                .contains(what)
                .doesNotContain("java.lang")
                .doesNotContain(".0");
    }

    private static List<String> filesIn(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
