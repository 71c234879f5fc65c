package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.groupchat.client.RegistryClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher and the command-line client, as an operator uses them: real processes, real ports, real files. */
class LauncherIT {
    @TempDir
    Path work;

    private String currentRegistry;

    @Test
    void theDocumentedFlagsStartServersThatTheCommandLineClientCanUse() throws Exception {
        String registry = FreePorts.endpoint();
        currentRegistry = registry;
        String cool = FreePorts.endpoint();
        String lobby = FreePorts.endpoint();
        try (ServerProcess servers = ServerProcess.startReady(
                work,
                "--registry-bind",
                registry,
                "--group",
                "Cool Group=" + cool,
                "--group",
                "Lobby=" + lobby,
                "--data-dir",
                "./data")) {
            assertThat(servers.out()).anyMatch(l -> l.startsWith("registry") && l.contains(registry));
            assertThat(servers.out())
                    .anyMatch(l -> l.startsWith("group") && l.contains("Cool Group") && l.contains(cool));
            assertThat(servers.out()).anyMatch(l -> l.startsWith("group") && l.contains("Lobby") && l.contains(lobby));

            await().atMost(Duration.ofSeconds(10)).until(() -> cli("list").out().contains("Lobby"));
            CliRun list = cli("list");
            assertThat(list.exitCode()).isZero();
            assertThat(list.out()).contains("Cool Group").contains(cool).contains(lobby);

            assertThat(cli("join", "Cool Group").out()).contains("joined Cool Group as Alice");
            assertThat(cli("send", "Cool Group", "hello", "there").out()).startsWith("sent #1");
            long afterFirst = System.currentTimeMillis() + 1;
            await().until(() -> System.currentTimeMillis() > afterFirst);
            CliRun piped = CliRun.run(
                    work,
                    "first line\nsecond line\n",
                    "--registry",
                    registry,
                    "--identity",
                    "alice.json",
                    "--name",
                    "Alice",
                    "send",
                    "Cool Group");
            assertThat(piped.out()).startsWith("sent #2");

            CliRun all = cli("fetch", "Cool Group");
            assertThat(all.out())
                    .contains("Alice: hello there")
                    .contains("Alice: first line")
                    .contains("second line");
            CliRun since = cli("fetch", "Cool Group", "--since", Long.toString(afterFirst));
            assertThat(since.out()).doesNotContain("hello there").contains("first line");
            String localSince = LocalDateTime.ofInstant(Instant.ofEpochMilli(afterFirst), ZoneId.systemDefault())
                    .withNano(0)
                    .toString();
            assertThat(cli("fetch", "Cool Group", "--since", localSince).exitCode())
                    .isZero();

            CliRun stranger = CliRun.run(
                    work,
                    null,
                    "--registry",
                    registry,
                    "--identity",
                    "bob.json",
                    "--name",
                    "Bob",
                    "send",
                    "Cool Group",
                    "let me in");
            assertThat(stranger.exitCode()).isEqualTo(1);
            assertThat(stranger.err()).contains("NOT_MEMBER").contains("not a member of \"Cool Group\"");
            CliRun unknown = cli("fetch", "Nowhere");
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.err()).contains("UNKNOWN_GROUP");
            assertThat(cli("fetch", "Cool Group", "--since", "yesterday").exitCode())
                    .isEqualTo(2);
            CliRun future = cli("fetch", "Cool Group", "--since", "2999-01-01");
            assertThat(future.exitCode()).isZero();
            assertThat(future.out()).isEmpty();
            assertThat(future.err()).startsWith("no messages since 2999-01-01 00:00:00");
            CliRun badAddress = CliRun.run(work, null, "--registry", "localhost:5555", "list");
            assertThat(badAddress.exitCode()).isEqualTo(2);
            assertThat(badAddress.err().strip())
                    .isEqualTo(
                            "groupchat-servers: --registry: address must look like tcp://host:port, got \"localhost:5555\"");

            assertThat(servers.terminate()).isZero();
            await("the launcher says it stopped; out=" + servers.out() + " err=" + servers.err())
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> servers.out().contains("stopped"));
        }
        assertThat(Files.list(work.resolve("data")).map(p -> p.getFileName().toString()))
                .anyMatch(name -> name.startsWith("cool-group-") && name.endsWith(".db"))
                .anyMatch(name -> name.startsWith("lobby-") && name.endsWith(".db"));
    }

    private CliRun cli(String... args) throws Exception {
        String registry = currentRegistry;
        String[] full = new String[args.length + 6];
        System.arraycopy(
                new String[] {"--registry", registry, "--identity", "alice.json", "--name", "Alice"}, 0, full, 0, 6);
        System.arraycopy(args, 0, full, 6, args.length);
        return CliRun.run(work, null, full);
    }

    @Test
    void sigtermUnregistersTheGroupAtOnceAndExitsZero() throws Exception {
        String registry = FreePorts.endpoint();
        try (ServerProcess registryProcess = ServerProcess.startReady(work, "--registry-bind", registry);
                ServerProcess group = ServerProcess.startReady(
                        work,
                        "--registry",
                        registry,
                        "--group",
                        "Leaving=" + FreePorts.endpoint(),
                        "--data-dir",
                        "data");
                RegistryClient client = new RegistryClient(registry)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> client.list().size() == 1);
            assertThat(group.terminate()).isZero();
            assertThat(client.list()).isEmpty();
            assertThat(registryProcess.terminate()).isZero();
        }
    }

    @Test
    void aYamlConfigStartsTheSameServers() throws Exception {
        String registry = FreePorts.endpoint();
        Files.writeString(work.resolve("servers.yaml"), """
                registry:
                  bind: %s
                dataDir: ./yaml-data
                groups:
                  - name: From YAML
                    bind: tcp://127.0.0.1:*
                """.formatted(registry));
        try (ServerProcess servers = ServerProcess.startReady(work, "--config", "servers.yaml");
                RegistryClient client = new RegistryClient(registry)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> client.list().size() == 1);
            assertThat(client.list().get(0).name()).isEqualTo("From YAML");
            assertThat(Files.isDirectory(work.resolve("yaml-data"))).isTrue();
            assertThat(servers.terminate()).isZero();
        }
    }

    @Test
    void aFlagWinsOverTheConfigFileWhichWinsOverTheDefault() throws Exception {
        Files.writeString(work.resolve("servers.yaml"), """
                heartbeatMs: 3000
                limits:
                  maxParkedPollsPerUser: 2
                groups:
                  - name: A
                    bind: tcp://127.0.0.1:*
                """);
        ServerProcess help = ServerProcess.start(work, "--config", "servers.yaml", "--help");
        assertThat(help.waitFor()).isZero();
        await().until(() -> String.join("\n", help.out()).contains("Example"));
        assertThat(String.join(" ", help.out()).replaceAll("\\s+", " "))
                .contains("How often groups renew their lease (default: 3000)")
                .contains("for one user (default: 2)")
                .contains("Members per group (default: 1000)");

        ServerProcess flagged = ServerProcess.start(work, "--config", "servers.yaml", "--heartbeat-ms", "0");
        assertThat(flagged.waitFor()).isEqualTo(2);
        await().until(() -> !flagged.err().isEmpty());
        assertThat(flagged.err())
                .singleElement()
                .asString()
                .isEqualTo("groupchat-servers: --heartbeat-ms must be positive, got 0");
    }

    @Test
    void aPortInUseIsOneClearLineAndANonZeroExit() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ServerProcess server = ServerProcess.start(work, "--group", "Busy=tcp://127.0.0.1:" + taken.getLocalPort());
            assertThat(server.waitFor()).isEqualTo(2);
            await().until(() -> !server.err().isEmpty());
            assertThat(server.err()).hasSize(1);
            assertThat(server.err().get(0)).contains("cannot bind").contains("address already in use");
        }
    }

    @Test
    void aDataFolderThatCannotBeWrittenIsOneClearLineAndANonZeroExit() throws Exception {
        Files.writeString(work.resolve("not-a-folder"), "x");
        ServerProcess server =
                ServerProcess.start(work, "--group", "G=tcp://127.0.0.1:*", "--data-dir", "not-a-folder/data");
        assertThat(server.waitFor()).isEqualTo(2);
        await().until(() -> !server.err().isEmpty());
        assertThat(server.err()).hasSize(1);
        assertThat(server.err().get(0)).contains("data folder").contains("cannot be written");
    }

    @Test
    void aSecondServerOnTheSameGroupDatabaseIsRefusedWithOneLine() throws Exception {
        try (ServerProcess first = ServerProcess.startReady(
                work,
                "--group",
                "Shared=" + FreePorts.endpoint(),
                "--data-dir",
                "data",
                "--registry",
                FreePorts.endpoint())) {
            ServerProcess second = ServerProcess.start(
                    work,
                    "--group",
                    "Shared=" + FreePorts.endpoint(),
                    "--data-dir",
                    "data",
                    "--registry",
                    FreePorts.endpoint());
            assertThat(second.waitFor()).isEqualTo(2);
            await().until(() -> !second.err().isEmpty());
            assertThat(second.err()).hasSize(1);
            assertThat(second.err().get(0)).contains("is in use by another group server");
            assertThat(first.terminate()).isZero();
        }
    }

    @Test
    void aGroupWhoseNameTheRegistryRefusesIsOneLineAndExitTwo() throws Exception {
        String registry = FreePorts.endpoint();
        try (ServerProcess holder = ServerProcess.startReady(
                work, "--registry-bind", registry, "--group", "Lobby=" + FreePorts.endpoint(), "--data-dir", "data")) {
            ServerProcess second = ServerProcess.start(
                    work, "--registry", registry, "--group", "Lobby=" + FreePorts.endpoint(), "--data-dir", "data2");
            assertThat(second.waitFor()).isEqualTo(2);
            await().until(() -> second.err().stream().anyMatch(l -> l.startsWith("groupchat-servers: ")));
            assertThat(second.err())
                    .filteredOn(l -> l.startsWith("groupchat-servers: "))
                    .singleElement()
                    .asString()
                    .contains("group \"Lobby\"")
                    .contains("NAME_TAKEN");
            assertThat(second.out()).doesNotContain("ready; stop with Ctrl-C or SIGTERM");
            assertThat(holder.terminate()).isZero();
        }
    }

    @Test
    void aClientWithNoServerSaysSoAtOnceAndExitsThree() throws Exception {
        String nobody;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = "tcp://127.0.0.1:" + socket.getLocalPort();
        }
        long started = System.nanoTime();
        CliRun list = CliRun.run(work, null, "--registry", nobody, "--identity", "alice.json", "list");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(list.exitCode()).isEqualTo(3);
        assertThat(list.err().strip())
                .isEqualTo("groupchat-servers: nothing listens at " + nobody
                        + " (connection refused); is the server running?");
        // a JVM start and about 0.3 s of refused connects; the retries it used to wait out took 10.2 s
        assertThat(elapsedMs).isLessThan(5_000);
    }

    @Test
    void badArgumentsAreOneLineAndExitTwo() throws Exception {
        for (String[] args : new String[][] {
            {"--group", "Twice=tcp://127.0.0.1:*", "--group", "twice=tcp://127.0.0.1:*"},
            {"--group", "G=tcp://127.0.0.1:*", "--max-members", "-3"},
            {"--lease-ms", "abc", "--registry-bind", "tcp://127.0.0.1:*"},
            {"--bogus"}
        }) {
            ServerProcess launcher = ServerProcess.start(work, args);
            assertThat(launcher.waitFor()).as("exit of %s", List.of(args)).isEqualTo(2);
            await().until(() -> !launcher.err().isEmpty());
            assertThat(launcher.err()).as("stderr of %s", List.of(args)).hasSize(1);
            assertThat(launcher.err().get(0)).startsWith("groupchat-servers: ");
        }
    }

    @Test
    void everyClientCommandAnswersHelpAsItsUsageErrorSuggests() throws Exception {
        CliRun missing = CliRun.run(work, null, "send-file", "Lobby");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("(see groupchat-servers client send-file --help)");
        for (String command : List.of("send", "send-file", "get-file", "search", "fetch")) {
            CliRun help = CliRun.run(work, null, command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).startsWith("Usage: groupchat-servers client " + command);
        }
    }

    @Test
    void helpDocumentsEveryFlagOfTheIssue() throws Exception {
        ServerProcess help = ServerProcess.start(work, "--help");
        assertThat(help.waitFor()).isZero();
        await().until(() -> String.join("\n", help.out()).contains("Example"));
        assertThat(String.join("\n", help.out()))
                .contains("--registry-bind")
                .contains("--registry=")
                .contains("--group")
                .contains("--data-dir")
                .contains("--advertise")
                .contains("--config");
    }
}
