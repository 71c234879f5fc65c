package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.groupchat.security.KeyFiles;
import org.groupchat.security.PublicKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Protocol 1.4's events from the command-line client, as two people and an owner use them on a secure launcher. */
class EventsCliIT {
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
    void membersReplyEditReactAndMarkReadAndAnOwnerRemovesBansAndKicks() throws Exception {
        CliRun.run(work, null, "--identity", "olivia.json", "--name", "Olivia", "whoami");
        CliRun.run(work, null, "--identity", "bob.json", "--name", "Bob", "whoami");
        String bobId = PublicKeys.userIdFor(
                KeyFiles.publicKeyFrom(work.resolve("bob.key").toString()));
        String registry = FreePorts.endpoint();
        try (ServerProcess servers = ServerProcess.startReady(
                work,
                "--secure",
                "--registry-bind",
                registry,
                "--group",
                "Club=" + FreePorts.endpoint(),
                "--data-dir",
                "./data",
                "--owner",
                "olivia.key")) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> cli(registry, "olivia.json", "list").out().contains("Club"));
            assertThat(cli(registry, "olivia.json", "join", "Club").exitCode()).isZero();
            assertThat(cli(registry, "bob.json", "join", "Club").exitCode()).isZero();

            assertThat(cli(registry, "bob.json", "send", "Club", "lunch?").out())
                    .startsWith("sent #1");
            assertThat(cli(registry, "olivia.json", "send", "Club", "--reply-to", "1", "--mention", "Bob", "yes")
                            .out())
                    .startsWith("sent #2");
            assertThat(cli(registry, "bob.json", "edit", "Club", "1", "lunch", "at", "one?")
                            .out())
                    .startsWith("stored #3")
                    .contains("* Bob edited #1: lunch at one?");
            assertThat(cli(registry, "olivia.json", "react", "Club", "1", "👍").out())
                    .contains("* Olivia reacted 👍 to message #1");
            CliRun twice = cli(registry, "olivia.json", "react", "Club", "1", "👍");
            assertThat(twice.exitCode()).isEqualTo(1);
            assertThat(twice.err()).contains("BAD_REQUEST").contains("already reacted");
            assertThat(cli(registry, "olivia.json", "react", "Club", "1", "👍", "--undo")
                            .out())
                    .contains("took back 👍");

            CliRun notHers = cli(registry, "olivia.json", "edit", "Club", "1", "mine");
            assertThat(notHers.exitCode()).isEqualTo(1);
            assertThat(notHers.err()).contains("FORBIDDEN").contains("only its author");
            CliRun notOwner = cli(registry, "bob.json", "remove", "Club", "2");
            assertThat(notOwner.exitCode()).isEqualTo(1);
            assertThat(notOwner.err()).contains("FORBIDDEN").contains("only an owner");
            assertThat(cli(registry, "bob.json", "delete", "Club", "0").exitCode())
                    .isEqualTo(2);
            assertThat(cli(registry, "olivia.json", "remove", "Club", "1").out())
                    .contains("removed message #1 by Bob");
            assertThat(cli(registry, "bob.json", "mark-read", "Club", "4").out())
                    .contains("read up to #4");

            String log = cli(registry, "bob.json", "fetch", "Club").out();
            assertThat(log)
                    .contains("Bob: lunch?")
                    .contains("Olivia: [reply to #1] yes")
                    .contains("* Bob edited #1: lunch at one?")
                    .contains("* Olivia removed message #1 by Bob");
            assertThat(cli(registry, "bob.json", "fetch", "Club", "--json").out())
                    .contains("\"kind\":\"remove\"");

            assertThat(cli(registry, "olivia.json", "ban", "Club", "Bob").out()).contains("banned Bob from the group");
            CliRun banned = cli(registry, "bob.json", "fetch", "Club");
            assertThat(banned.exitCode()).isEqualTo(1);
            assertThat(banned.err()).contains("FORBIDDEN").contains("you are banned from \"Club\" by an owner");
            assertThat(cli(registry, "olivia.json", "ban", "Club", bobId, "--undo")
                            .out())
                    .contains("lifted the ban on Bob");
            assertThat(cli(registry, "bob.json", "join", "Club").exitCode()).isZero();
            assertThat(cli(registry, "olivia.json", "kick", "Club", "Bob").out())
                    .contains("removed Bob from the group");
            CliRun kicked = cli(registry, "bob.json", "fetch", "Club");
            assertThat(kicked.exitCode()).isEqualTo(1);
            assertThat(kicked.err()).contains("NOT_MEMBER");
        }
    }

    @Test
    void ownersWithoutSecurityAreASetupMistakeByFlagOrInYaml() throws Exception {
        CliRun.run(work, null, "--identity", "olivia.json", "--name", "Olivia", "whoami");
        try (ServerProcess servers = ServerProcess.start(
                work,
                "--registry-bind",
                FreePorts.endpoint(),
                "--group",
                "Club=" + FreePorts.endpoint(),
                "--owner",
                "olivia.key")) {
            assertThat(servers.waitFor()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> servers.err().stream()
                            .anyMatch(l -> l.contains("owners need security") && l.contains("--secure")));
        }
        Files.writeString(work.resolve("servers.yaml"), """
                registry:
                  bind: %s
                owners:
                  - olivia.key
                groups:
                  - name: Club
                    bind: %s
                """.formatted(FreePorts.endpoint(), FreePorts.endpoint()));
        try (ServerProcess servers = ServerProcess.start(work, "--config", "servers.yaml")) {
            assertThat(servers.waitFor()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> servers.err().stream().anyMatch(l -> l.contains("owners need security")));
        }
    }
}
