package org.groupchat.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.groupchat.client.GroupClient;
import org.groupchat.client.ServerErrorException;
import org.groupchat.group.PostgresDatabase;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.testing.LostDatabase;
import org.groupchat.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --database}: the launcher on a real PostgreSQL server, as real processes; the password is never shown. */
class DatabaseIT {
    private static final String PASSWORD_VARIABLE = "GROUPCHAT_DATABASE_PASSWORD";
    private static final User ALICE = new User(UUID.randomUUID().toString(), "Alice");

    @TempDir
    Path work;

    private PostgresDatabase database;

    @BeforeEach
    void emptyDatabase() {
        database = TestDatabase.fresh();
    }

    @Test
    void groupsOnPostgresqlKeepTheirMessagesAcrossARestartAndThePasswordIsNeverShown() throws Exception {
        String endpoint = FreePorts.endpoint();
        List<Message> sent = new ArrayList<>();
        try (ServerProcess servers = start(
                        TestDatabase.password(),
                        "--group",
                        "Cool Group=" + endpoint,
                        "--database",
                        TestDatabase.url(),
                        "--registry",
                        FreePorts.endpoint());
                GroupClient alice = new GroupClient(endpoint, ALICE)) {
            servers.awaitReady();
            assertThat(servers.out())
                    .anyMatch(l -> l.startsWith("group")
                            && l.contains("Cool Group")
                            && l.contains("0 messages in " + database));
            alice.join();
            sent.add(alice.send("one"));
            sent.add(alice.send("two"));
            assertThat(servers.terminate()).isZero();
            assertNoPassword(servers);
        }
        try (ServerProcess servers = start(
                        TestDatabase.password(),
                        "--group",
                        "Cool Group=" + endpoint,
                        "--database",
                        TestDatabase.url(),
                        "--registry",
                        FreePorts.endpoint());
                GroupClient alice = new GroupClient(endpoint, ALICE)) {
            servers.awaitReady();
            assertThat(servers.out()).anyMatch(l -> l.contains("2 messages in " + database));
            assertThat(alice.fetchAfter(0, 10, 0).messages()).isEqualTo(sent);
            assertThat(servers.terminate()).isZero();
        }
    }

    @Test
    void aGroupServerKilledWithKill9ComesBackAfterItsTurnRunsOutWithEveryAckedMessage() throws Exception {
        String endpoint = FreePorts.endpoint();
        List<Message> acked = new ArrayList<>();
        try (ServerProcess servers = start(
                        TestDatabase.password(),
                        "--group",
                        "Phoenix=" + endpoint,
                        "--database",
                        TestDatabase.url(),
                        "--registry",
                        FreePorts.endpoint(),
                        "--group-lease-ms",
                        "2000");
                GroupClient alice = new GroupClient(endpoint, ALICE)) {
            servers.awaitReady();
            alice.join();
            for (int i = 0; i < 20; i++) {
                acked.add(alice.send("before the kill " + i));
            }
            servers.kill9();
        }
        // Started again at once, it stands by until the killed server's turn (a 2 s lease here) has run out.
        try (ServerProcess servers = start(
                        TestDatabase.password(),
                        "--group",
                        "Phoenix=" + endpoint,
                        "--database",
                        TestDatabase.url(),
                        "--registry",
                        FreePorts.endpoint(),
                        "--group-lease-ms",
                        "2000");
                GroupClient alice = new GroupClient(endpoint, ALICE)) {
            servers.awaitReady();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> servers.out().stream().anyMatch(l -> l.contains("active, epoch 2")));
            assertThat(alice.fetchAfter(0, 100, 0).messages()).isEqualTo(acked);
            assertThat(alice.send("after the kill").seq()).isEqualTo(21);
            assertThat(servers.terminate()).isZero();
        }
    }

    @Test
    void theYamlKeysAndAPasswordFileWorkLikeTheFlags() throws Exception {
        String endpoint = FreePorts.endpoint();
        String registries = FreePorts.endpoint() + "," + FreePorts.endpoint();
        Files.writeString(work.resolve("db.password"), TestDatabase.password() + "\n");
        Files.writeString(
                work.resolve("servers.yaml"),
                "database: " + TestDatabase.url() + "\n"
                        + "databasePasswordFile: db.password\n"
                        + "registryAddress: " + registries + "\n"
                        + "groupLeaseMs: 2500\n"
                        + "groups:\n  - name: Yaml Group\n    bind: " + endpoint + "\n");
        try (ServerProcess servers = start(null, "--config", "servers.yaml");
                GroupClient alice = new GroupClient(endpoint, ALICE)) {
            servers.awaitReady();
            assertThat(servers.out())
                    .anyMatch(l -> l.contains("Yaml Group")
                            && l.contains("active, epoch 1")
                            && l.contains("registry " + registries));
            alice.join();
            assertThat(alice.send("from yaml").seq()).isEqualTo(1);
            try (Connection db = DriverManager.getConnection(
                            TestDatabase.jdbcUrl(), TestDatabase.user(), TestDatabase.password());
                    Statement st = db.createStatement();
                    ResultSet rs = st.executeQuery("SELECT extract(epoch FROM expires_at - clock_timestamp()) * 1000"
                            + " FROM groupchat.group_lease")) {
                rs.next();
                assertThat(rs.getDouble(1))
                        .as("ms left of the turn, renewed every third of 2500")
                        .isBetween(0.0, 2_500.0);
            }
            assertThat(servers.terminate()).isZero();
            assertNoPassword(servers);
        }
    }

    @Test
    void aWrongPasswordIsOneLineAndExitTwo() throws Exception {
        String wrong = "wrong-" + UUID.randomUUID();
        ServerProcess servers = start(wrong, "--group", "G=" + FreePorts.endpoint(), "--database", TestDatabase.url());
        assertThat(servers.waitFor()).isEqualTo(2);
        await().until(() -> !servers.err().isEmpty());
        assertThat(servers.err())
                .singleElement()
                .asString()
                .startsWith("groupchat-servers: cannot use the database " + database + ": ")
                .contains("password authentication failed")
                .doesNotContain(wrong);
        assertThat(servers.out()).noneMatch(l -> l.contains(wrong));
    }

    @Test
    void anUnreachableDatabaseIsOneLineAndExitTwo() throws Exception {
        String nowhere =
                "postgresql://groupchat@127.0.0.1:" + FreePorts.endpoint().replaceAll(".*:", "") + "/groupchat";
        ServerProcess servers = start("secret", "--group", "G=" + FreePorts.endpoint(), "--database", nowhere);
        assertThat(servers.waitFor()).isEqualTo(2);
        await().until(() -> !servers.err().isEmpty());
        assertThat(servers.err())
                .singleElement()
                .asString()
                .startsWith("groupchat-servers: cannot use the database " + nowhere + ": ")
                .contains("refused");
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutEchoingIt() throws Exception {
        ServerProcess servers = start(
                null,
                "--group",
                "G=" + FreePorts.endpoint(),
                "--database",
                "postgresql://groupchat:hunter2@127.0.0.1:5432/groupchat");
        assertThat(servers.waitFor()).isEqualTo(2);
        await().until(() -> !servers.err().isEmpty());
        assertThat(servers.err())
                .singleElement()
                .asString()
                .contains("a password never goes in the URL")
                .doesNotContain("hunter2");
    }

    @Test
    void sendsWhileTheDatabaseIsLostAreAnsweredInternalAndServiceResumesWhenItReturns() throws Exception {
        String endpoint = FreePorts.endpoint();
        try (ServerProcess servers = start(
                        TestDatabase.password(),
                        "--group",
                        "Lost=" + endpoint,
                        "--database",
                        TestDatabase.url(),
                        "--registry",
                        FreePorts.endpoint());
                GroupClient alice = new GroupClient(endpoint, ALICE)) {
            servers.awaitReady();
            alice.join();
            Message before = alice.send("before");
            int refused = 0;
            try (LostDatabase down = LostDatabase.now()) {
                for (int i = 0; i < 5; i++) {
                    assertThatThrownBy(() -> alice.send("while lost"))
                            .isInstanceOfSatisfying(
                                    ServerErrorException.class,
                                    e -> assertThat(e.code() + " " + e.getMessage())
                                            .startsWith("INTERNAL")
                                            .contains("not stored"));
                    refused++;
                }
            }
            String id = UUID.randomUUID().toString();
            Message after = await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions()
                    .until(() -> alice.send(id, "after"), m -> true);
            assertThat(refused).isEqualTo(5);
            assertThat(after.seq()).isEqualTo(before.seq() + 1);
            assertThat(alice.fetchAfter(0, 10, 0).messages())
                    .extracting(Message::text)
                    .containsExactly("before", "after");
            assertThat(servers.terminate()).isZero();
            assertThat(servers.err()).anyMatch(l -> l.contains("storage failed"));
        }
    }

    private ServerProcess start(String password, String... args) {
        Map<String, String> environment = new HashMap<>();
        environment.put(PASSWORD_VARIABLE, password);
        return ServerProcess.startWithEnvironment(work, environment, args);
    }

    private static void assertNoPassword(ServerProcess servers) {
        String password = TestDatabase.password();
        if (password != null && !password.isEmpty()) {
            assertThat(servers.out()).noneMatch(l -> l.contains(password));
            assertThat(servers.err()).noneMatch(l -> l.contains(password));
        }
    }
}
