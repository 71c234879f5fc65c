package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway on the SQLite store: files from before migrations are adopted whole; a newer schema is refused. */
class SqliteSchemaMigrationTest {
    private static final User ALICE = new User("11111111-1111-4111-8111-111111111111", "Alice");

    @TempDir
    Path dir;

    @Test
    void aFileMadeBeforeMigrationsIsAdoptedWithEveryMessageAndMember() throws Exception {
        Path file = dir.resolve("group.db");
        // Made by the store as it was before Flyway (commit ac29933): 5 messages, Alice and Bob.
        try (InputStream legacy = getClass().getResourceAsStream("/legacy/before-migrations.db")) {
            Files.copy(legacy, file);
        }
        try (SqliteMessageStore store = SqliteMessageStore.open(file, Durability.PROCESS_CRASH)) {
            assertThat(store.lastSeq()).isEqualTo(5);
            assertThat(store.after(0, 10).messages())
                    .extracting(Message::text)
                    .containsExactly(
                            "before migrations 1",
                            "before migrations 2",
                            "before migrations 3",
                            "before migrations 4",
                            "before migrations 5");
            assertThat(store.members()).extracting(User::name).containsExactly("Alice", "Bob");
            assertThat(store.search(new SearchQuery(List.of("Migrations", "befo"), Long.MAX_VALUE, 10))
                            .messages())
                    .as("the history is indexed for search by V19")
                    .extracting(Message::seq)
                    .containsExactly(5L, 4L, 3L, 2L, 1L);
            Message next = store.append(List.of(new NewMessage(UUID.randomUUID().toString(), ALICE, "after")))
                    .get(0);
            assertThat(next.seq()).isEqualTo(6);
        }
        assertThat(history(file))
                .containsExactly(
                        "1 BASELINE adopted from before migrations",
                        "17 SQL history id",
                        "18 SQL events",
                        "19 SQL search",
                        "21 SQL files",
                        "22 SQL file content owner",
                        "23 SQL moderation in the event");
        try (SqliteMessageStore store = SqliteMessageStore.open(file, Durability.PROCESS_CRASH)) {
            assertThat(store.lastSeq()).isEqualTo(6);
        }
        assertThat(history(file)).hasSize(7);
    }

    @Test
    void aNewFileGetsTheSchemaByMigration() throws Exception {
        Path file = dir.resolve("group.db");
        try (SqliteMessageStore store = SqliteMessageStore.open(file, Durability.PROCESS_CRASH)) {
            store.putMember(ALICE);
            store.append(List.of(new NewMessage(UUID.randomUUID().toString(), ALICE, "first")));
        }
        assertThat(history(file))
                .containsExactly(
                        "1 SQL messages and members",
                        "17 SQL history id",
                        "18 SQL events",
                        "19 SQL search",
                        "21 SQL files",
                        "22 SQL file content owner",
                        "23 SQL moderation in the event");
    }

    @Test
    void aSchemaNewerThanThisBuildIsRefusedNamingTheVersionNeeded() throws Exception {
        Path file = dir.resolve("group.db");
        try (SqliteMessageStore store = SqliteMessageStore.open(file, Durability.PROCESS_CRASH)) {
            store.append(List.of(new NewMessage(UUID.randomUUID().toString(), ALICE, "kept")));
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = db.createStatement()) {
            st.execute("INSERT INTO " + SchemaMigrations.HISTORY_TABLE + "(installed_rank, version, description, type,"
                    + " script, checksum, installed_by, execution_time, success)"
                    + " VALUES (8, '99', 'from a newer build', 'SQL', 'V99__from_a_newer_build.sql', 0, 'test', 1, 1)");
        }
        assertThatThrownBy(() -> SqliteMessageStore.open(file, Durability.PROCESS_CRASH))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("has schema version 99, newer than this build knows (up to 23)")
                .hasMessageContaining("run a GroupChat that knows schema version 99 or later");
    }

    private static List<String> history(Path file) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT version, type, description FROM "
                        + SchemaMigrations.HISTORY_TABLE + " ORDER BY installed_rank")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
            return rows;
        }
    }
}
