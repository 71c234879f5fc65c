package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code client search}: a user finds messages in a group, pages to older hits, and reads why a search is refused. */
class CliSearchIT {
    @TempDir
    Path work;

    private String registry;

    @Test
    void aMemberSearchesNewestFirstPagesWithBeforeAndIsToldWhatIsWrong() throws Exception {
        registry = FreePorts.endpoint();
        try (ServerProcess servers = ServerProcess.startReady(
                work,
                "--registry-bind",
                registry,
                "--group",
                "Lobby=" + FreePorts.endpoint(),
                "--data-dir",
                "./data")) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> cli("alice", "list").out().contains("Lobby"));
            assertThat(cli("alice", "join", "Lobby").exitCode()).isZero();
            assertThat(cli("alice", "send", "Lobby", "Where is the Café Central?")
                            .exitCode())
                    .isZero();
            assertThat(cli("alice", "send", "Lobby", "nothing about coffee").exitCode())
                    .isZero();
            assertThat(cli("alice", "send", "Lobby", "the cafe opens at nine").exitCode())
                    .isZero();

            CliRun both = cli("alice", "search", "Lobby", "CAFE");
            assertThat(both.exitCode()).isZero();
            assertThat(both.out().lines().toList()).hasSize(2);
            assertThat(both.out().lines().findFirst())
                    .get()
                    .asString()
                    .startsWith("#3 ")
                    .endsWith("Alice: the cafe opens at nine");

            CliRun first = cli("alice", "search", "Lobby", "caf", "--limit", "1");
            assertThat(first.out()).startsWith("#3 ");
            assertThat(first.err()).contains("older hits exist: add --before 3");
            CliRun older = cli("alice", "search", "Lobby", "caf", "--limit", "1", "--before", "3");
            assertThat(older.out()).startsWith("#1 ").contains("Where is the Café Central?");
            assertThat(older.err()).isEmpty();

            CliRun json = cli("alice", "search", "Lobby", "central", "--json");
            assertThat(json.out()).startsWith("{").contains("\"seq\":1");

            CliRun none = cli("alice", "search", "Lobby", "tea");
            assertThat(none.exitCode()).isZero();
            assertThat(none.out()).isEmpty();
            assertThat(none.err()).contains("no messages match \"tea\"");

            CliRun badLimit = cli("alice", "search", "Lobby", "cafe", "--limit", "500");
            assertThat(badLimit.exitCode()).isEqualTo(1);
            assertThat(badLimit.err()).contains("BAD_REQUEST").contains("\"limit\" must be between 1 and 100");
            CliRun stranger = cli("bob", "search", "Lobby", "cafe");
            assertThat(stranger.exitCode()).isEqualTo(1);
            assertThat(stranger.err()).contains("NOT_MEMBER");
            assertThat(cli("alice", "search", "Lobby").exitCode())
                    .as("no QUERY")
                    .isEqualTo(2);
            assertThat(servers.terminate()).isZero();
        }
    }

    private CliRun cli(String who, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(
                "--registry",
                registry,
                "--identity",
                who + ".json",
                "--name",
                Character.toUpperCase(who.charAt(0)) + who.substring(1)));
        all.addAll(List.of(args));
        return CliRun.run(work, null, all.toArray(String[]::new));
    }
}
