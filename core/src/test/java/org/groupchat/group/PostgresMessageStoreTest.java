package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.groupchat.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** What only the PostgreSQL store does, on a real server: many groups in one database, its lock, its indexes, its errors. */
class PostgresMessageStoreTest {
    private static final User ALICE = new User(UUID.randomUUID().toString(), "Alice");

    @Test
    void groupsInOneDatabaseKeepTheirOwnSeqsAndIds() {
        PostgresDatabase database = TestDatabase.fresh();
        String sameId = UUID.randomUUID().toString();
        try (MessageStore red = database.open("Red");
                MessageStore blue = database.open("Blue")) {
            red.append(List.of(new NewMessage(UUID.randomUUID().toString(), ALICE, "red 1")));
            assertThat(red.append(List.of(new NewMessage(sameId, ALICE, "red 2"))))
                    .extracting(Message::seq)
                    .containsExactly(2L);
            assertThat(blue.append(List.of(new NewMessage(sameId, ALICE, "blue 1"))))
                    .extracting(Message::seq)
                    .containsExactly(1L);
            assertThat(blue.after(0, 10).messages()).extracting(Message::text).containsExactly("blue 1");
            assertThat(red.findById(sameId)).get().extracting(Message::text).isEqualTo("red 2");
        }
    }

    @Test
    void aSecondServerOfTheSameGroupIsRefusedUntilTheFirstCloses() {
        PostgresDatabase database = TestDatabase.fresh();
        try (MessageStore first = database.open("Busy")) {
            assertThatThrownBy(() -> TestDatabase.configured().open("Busy"))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining(
                            "the group \"Busy\" in the database " + database + " is in use by another group server");
        }
        database.open("Busy").close();
    }

    @Test
    void everyFetchAndBeforeReadsAnIndexOfItsGroup() throws Exception {
        PostgresDatabase database = TestDatabase.fresh();
        try (MessageStore a = database.open("A");
                MessageStore b = database.open("B")) {
            for (MessageStore store : List.of(a, b)) {
                for (int batch = 0; batch < 20; batch++) {
                    List<NewMessage> messages = new ArrayList<>();
                    for (int i = 0; i < 500; i++) {
                        messages.add(new NewMessage(UUID.randomUUID().toString(), ALICE, "message " + batch + "/" + i));
                    }
                    store.append(messages);
                }
            }
        }
        try (Connection db = DriverManager.getConnection(
                TestDatabase.jdbcUrl() + "?currentSchema=groupchat", TestDatabase.user(), TestDatabase.password())) {
            try (Statement st = db.createStatement()) {
                st.execute("ANALYZE message");
            }
            long group = groupId(db, "B");
            String columns = "SELECT seq, id, ts, sender_id, sender_name, text, text_utf8";
            for (String shape : List.of(PostgresQueries.AFTER, PostgresQueries.SINCE, PostgresQueries.BEFORE)) {
                String plan = explain(db, columns + shape, group, 5_000, 101);
                System.out.println("EXPLAIN" + shape + "\n" + plan);
                assertThat(plan)
                        .as(shape)
                        .contains("Index")
                        .doesNotContain("Seq Scan")
                        .doesNotContain("Sort");
            }
            String newest = explain(db, columns + PostgresQueries.NEWEST, group, 101);
            System.out.println("EXPLAIN" + PostgresQueries.NEWEST + "\n" + newest);
            assertThat(newest)
                    .contains("Index Scan Backward")
                    .doesNotContain("Seq Scan")
                    .doesNotContain("Sort");
            String byId = explain(
                    db,
                    columns + " FROM message WHERE group_id = ? AND id = ?",
                    group,
                    UUID.randomUUID().toString());
            assertThat(byId).contains("message_id_once").doesNotContain("Seq Scan");
            // After five runs the driver prepares a statement on the server, which may then plan it once for any
            // values.
            try (Statement st = db.createStatement()) {
                st.execute("SET plan_cache_mode = force_generic_plan");
            }
            for (String shape : List.of(PostgresQueries.AFTER, PostgresQueries.SINCE, PostgresQueries.BEFORE)) {
                assertThat(explainPrepared(db, columns + shape, group + ", 5000, 101"))
                        .as("generic " + shape)
                        .contains("Index")
                        .doesNotContain("Seq Scan")
                        .doesNotContain("Sort");
            }
            String[] ids = {
                "'{\"" + UUID.randomUUID() + "\"}'",
                "'{s}'",
                "'{n}'",
                "'{t}'",
                "'{NULL}'",
                "'{NULL}'",
                "'{NULL}'",
                "'{NULL}'",
                "'{NULL}'",
                "'{NULL}'",
                "'{NULL}'",
                "'{NULL}'"
            };
            String append = explainPrepared(
                    db,
                    PostgresAppend.INSERT,
                    group + ", 1, " + String.join(", ", ids) + ", " + group + ", " + ids[0] + ", " + group
                            + ", 10000, 1");
            System.out.println("EXPLAIN the append, generic plan\n" + append);
            assertThat(append).contains("message_id_once").doesNotContain("Seq Scan on message");
            // An event's checks (taken back? reacted?) read the index on target, never the whole log.
            String about = explainPrepared(db, PostgresQueries.ABOUT, group + ", 7, " + group + ", 7, 'u', 'e'");
            assertThat(about).contains("message_target").doesNotContain("Seq Scan on message");
        }
    }

    @Test
    void aTextWithANulCharacterIsKeptWhole() {
        PostgresDatabase database = TestDatabase.fresh();
        String text = "before \u0000 after";
        try (MessageStore store = database.open("Nul")) {
            store.append(List.of(new NewMessage(UUID.randomUUID().toString(), ALICE, text)));
        }
        try (MessageStore store = database.open("Nul")) {
            assertThat(store.after(0, 1).messages().get(0).text()).isEqualTo(text);
        }
    }

    @Test
    void aWrongPasswordIsOneLineThatNeverShowsThePassword() {
        TestDatabase.configured();
        PostgresDatabase wrong = PostgresDatabase.parse(TestDatabase.url(), "not-the-password-42");
        assertThatThrownBy(() -> wrong.open("Any"))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("cannot use the database " + wrong + ": ")
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining("not-the-password-42")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aDatabaseNobodyListensForIsOneLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PostgresDatabase nowhere =
                PostgresDatabase.parse("postgresql://groupchat@127.0.0.1:" + closedPort + "/groupchat", "secret");
        assertThatThrownBy(() -> nowhere.open("Any"))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith(
                        "cannot use the database postgresql://groupchat@127.0.0.1:" + closedPort + "/groupchat: ")
                .hasMessageContaining("refused")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aSchemaNewerThanThisBuildIsRefusedNamingTheVersionNeeded() throws Exception {
        TestDatabase.fresh();
        try (Connection db = DriverManager.getConnection(
                        TestDatabase.jdbcUrl(), TestDatabase.user(), TestDatabase.password());
                Statement st = db.createStatement()) {
            st.execute(
                    "INSERT INTO groupchat." + SchemaMigrations.HISTORY_TABLE
                            + "(installed_rank, version, description, type,"
                            + " script, checksum, installed_by, execution_time, success)"
                            + " VALUES (1000, '1000', 'from a newer build', 'SQL', 'V1000__from_a_newer_build.sql', 0, 'test', 1, true)");
            try {
                assertThatThrownBy(() -> TestDatabase.configured().open("Any"))
                        .isInstanceOf(StorageException.class)
                        .hasMessageContaining("has schema version 1000, newer than this build knows")
                        .hasMessageContaining("run a GroupChat that knows schema version 1000 or later");
            } finally {
                st.execute("DELETE FROM groupchat." + SchemaMigrations.HISTORY_TABLE + " WHERE version = '1000'");
            }
        }
    }

    @Test
    void urlsThatAreNotPostgresqlUserHostPortDbnameAreRefused() {
        assertThatThrownBy(() -> PostgresDatabase.parse("postgresql://u:pw@h:5432/db", null))
                .hasMessageContaining("a password never goes in the URL")
                .hasMessageNotContaining("pw@");
        assertThatThrownBy(() -> PostgresDatabase.parse("mysql://u@h/db", null)).hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> PostgresDatabase.parse("postgresql://h:5432/db", null))
                .hasMessageContaining("no USER");
        assertThatThrownBy(() -> PostgresDatabase.parse("postgresql://u@h:5432/", null))
                .hasMessageContaining("/DBNAME");
        assertThat(PostgresDatabase.parse("postgresql://u@h/db", "pw")).hasToString("postgresql://u@h:5432/db");
    }

    private static long groupId(Connection db, String name) throws Exception {
        try (PreparedStatement st = db.prepareStatement("SELECT id FROM chat_group WHERE name = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The plan of {@code query} PREPAREd on the server and run with these SQL literals, as the plan cache uses it. */
    private static String explainPrepared(Connection db, String query, String literals) throws Exception {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : query.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        try (Statement st = db.createStatement()) {
            st.execute("PREPARE shape AS " + numbered);
            try (ResultSet rs = st.executeQuery("EXPLAIN EXECUTE shape(" + literals + ")")) {
                StringBuilder plan = new StringBuilder();
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
                return plan.toString();
            } finally {
                st.execute("DEALLOCATE shape");
            }
        }
    }

    private static String explain(Connection db, String query, Object... parameters) throws Exception {
        try (PreparedStatement st = db.prepareStatement("EXPLAIN " + query)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
