package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.groupchat.security.KeyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher with --secure, as an operator runs it: keys on disk, the registry key handed to clients, private groups. */
class SecureServersIT {
    @TempDir
    Path work;

    private CliRun cli(String registry, String identity, String... args) throws Exception {
        String[] all = new String[args.length + 6];
        all[0] = "--registry";
        all[1] = registry;
        all[2] = "--registry-key";
        all[3] = "data/keys/registry.key";
        all[4] = "--identity";
        all[5] = identity;
        System.arraycopy(args, 0, all, 6, args.length);
        return CliRun.run(work, null, all);
    }

    @Test
    void secureServersMakePrivateKeysPrintTheRegistryKeyAndServeClientsThatHaveIt() throws Exception {
        String registry = FreePorts.endpoint();
        String lobby = FreePorts.endpoint();
        try (ServerProcess servers = ServerProcess.startReady(
                work, "--secure", "--registry-bind", registry, "--group", "Lobby=" + lobby, "--data-dir", "./data")) {
            Path secret = work.resolve("data/keys/registry.key_secret");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
                    .isEqualTo("rw-------");
            String registryKey = KeyFiles.publicKeyFrom(
                    work.resolve("data/keys/registry.key").toString());
            assertThat(servers.out()).anyMatch(l -> l.contains("--registry-key '" + registryKey + "'"));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> cli(registry, "alice.json", "list").out().contains("Lobby"));
            assertThat(cli(registry, "alice.json", "--name", "Alice", "join", "Lobby")
                            .exitCode())
                    .isZero();
            assertThat(cli(registry, "alice.json", "send", "Lobby", "over an encrypted wire")
                            .out())
                    .startsWith("sent #1");
            assertThat(cli(registry, "alice.json", "fetch", "Lobby").out()).contains("Alice: over an encrypted wire");

            CliRun noKey = CliRun.run(work, null, "--registry", registry, "--identity", "alice.json", "list");
            assertThat(noKey.exitCode()).isEqualTo(3);
            assertThat(noKey.err()).contains("refused our handshake").contains("security");
        }
    }

    @Test
    void aPrivateGroupServesTheListedUsersAndTellsOthersWhy() throws Exception {
        String registry = FreePorts.endpoint();
        String club = FreePorts.endpoint();
        CliRun whoami = CliRun.run(work, null, "--identity", "alice.json", "--name", "Alice", "whoami");
        String aliceKey = KeyFiles.publicKeyFrom(work.resolve("alice.key").toString());
        assertThat(whoami.out()).contains("public key   '" + aliceKey + "'").contains("alice.key");
        Files.writeString(work.resolve("club.allow"), aliceKey + " Alice\n");
        try (ServerProcess servers = ServerProcess.startReady(
                work,
                "--secure",
                "--registry-bind",
                registry,
                "--group",
                "Club=" + club,
                "--allow-users",
                "club.allow",
                "--data-dir",
                "./data")) {
            assertThat(servers.out()).anyMatch(l -> l.contains("allow-list club.allow: 1 key(s)"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> cli(registry, "alice.json", "list").out().contains("Club"));

            assertThat(cli(registry, "alice.json", "join", "Club").exitCode()).isZero();
            CliRun mallory = cli(registry, "mallory.json", "--name", "Mallory", "join", "Club");
            assertThat(mallory.exitCode()).isEqualTo(1);
            assertThat(mallory.err()).contains("UNAUTHORIZED").contains("private group");
        }
    }

    @Test
    void aConfigFileTurnsSecurityOnWithAPrivateGroup() throws Exception {
        String registry = FreePorts.endpoint();
        CliRun.run(work, null, "--identity", "alice.json", "--name", "Alice", "whoami");
        Files.writeString(
                work.resolve("club.allow"),
                KeyFiles.publicKeyFrom(work.resolve("alice.key").toString()) + "\n");
        Files.writeString(
                work.resolve("servers.yaml"), """
                registry:
                  bind: %s
                secure: true
                dataDir: ./data
                groups:
                  - name: Open
                    bind: %s
                  - name: Club
                    bind: %s
                    allowUsers: club.allow
                """.formatted(registry, FreePorts.endpoint(), FreePorts.endpoint()));
        try (ServerProcess servers = ServerProcess.startReady(work, "--config", "servers.yaml")) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> cli(registry, "bob.json", "list").out().contains("Club"));
            assertThat(cli(registry, "bob.json", "--name", "Bob", "join", "Open")
                            .exitCode())
                    .isZero();
            assertThat(cli(registry, "bob.json", "join", "Club").err()).contains("UNAUTHORIZED");
            assertThat(cli(registry, "alice.json", "join", "Club").exitCode()).isZero();
        }
    }

    @Test
    void allowListsWithoutSecurityAreASetupMistake() throws Exception {
        Files.writeString(work.resolve("club.allow"), "");
        try (ServerProcess servers = ServerProcess.start(
                work,
                "--registry-bind",
                FreePorts.endpoint(),
                "--group",
                "Club=" + FreePorts.endpoint(),
                "--allow-users",
                "club.allow")) {
            assertThat(servers.waitFor()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> servers.err().stream().anyMatch(l -> l.contains("allow-lists need security")));
        }
    }
}
