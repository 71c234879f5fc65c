package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the SQLite store does: its background checkpoints, its query plans. The promises of every store are in {@link MessageStoreContractTest}. */
class SqliteMessageStoreTest {
    private static final User ALICE = new User(UUID.randomUUID().toString(), "Alice");
    private static final User BOB = new User(UUID.randomUUID().toString(), "Bob");

    @TempDir
    Path dir;

    @Test
    void committedMessagesReachTheDatabaseFileWithoutTheWriterCheckpointing() throws Exception {
        try (SqliteMessageStore store = open()) {
            int messages = 300;
            for (int i = 0; i < messages; i++) {
                store.append(List.of(new NewMessage(UUID.randomUUID().toString(), ALICE, "message " + i)));
            }
            // About 3 WAL pages a commit is far below the writer's own threshold: only the background copies.
            // Until the first checkpoint the file may not even hold the table yet.
            await().atMost(Duration.ofSeconds(10))
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(countInDatabaseFileAlone()).isEqualTo(messages));
            assertThat(store.lastSeq()).isEqualTo(messages);
        }
    }

    @Test
    void anEventsChecksReadTheIndexOnTargetNeverTheWholeLog() throws Exception {
        try (SqliteMessageStore store = open()) {
            store.append(List.of(new NewMessage(UUID.randomUUID().toString(), ALICE, "first")));
        }
        try (Connection db = DriverManager.getConnection(
                        "jdbc:sqlite:" + dir.resolve("group.db").toAbsolutePath());
                PreparedStatement st = db.prepareStatement("EXPLAIN QUERY PLAN " + MessageQueries.ABOUT)) {
            st.setLong(1, 1);
            st.setLong(2, 1);
            st.setString(3, ALICE.id());
            st.setString(4, "e");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString("detail")).append('\n');
                }
            }
            assertThat(plan.toString()).contains("USING INDEX messages_target").doesNotContain("SCAN messages");
        }
    }

    /** Reads the main file as if it had no WAL: only what checkpoints copied there. */
    private long countInDatabaseFileAlone() throws Exception {
        String url = "jdbc:sqlite:file:" + dir.resolve("group.db").toAbsolutePath() + "?immutable=1";
        try (Connection db = DriverManager.getConnection(url);
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM messages")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private SqliteMessageStore open() {
        return SqliteMessageStore.open(dir.resolve("group.db"), Durability.PROCESS_CRASH);
    }
}
