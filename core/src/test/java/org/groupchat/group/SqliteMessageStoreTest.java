package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's own promises, on a real SQLite file: exactly-once by id, gap-free seq, members that outlive a restart. */
class SqliteMessageStoreTest {
    private static final User ALICE = new User(UUID.randomUUID().toString(), "Alice");
    private static final User BOB = new User(UUID.randomUUID().toString(), "Bob");

    @TempDir
    Path dir;

    @Test
    void anIdAlreadyStoredIsAnsweredWithTheStoredMessageAndTakesNoSeq() {
        String first = UUID.randomUUID().toString();
        try (SqliteMessageStore store = open()) {
            store.append(List.of(new NewMessage(first, ALICE, "original")));
            List<Message> stored = store.append(List.of(new NewMessage(UUID.randomUUID().toString(), ALICE, "second"),
                    new NewMessage(first, ALICE, "a retry with other text"),
                    new NewMessage(UUID.randomUUID().toString(), ALICE, "third")));
            assertThat(stored).extracting(Message::seq).containsExactly(2L, 1L, 3L);
            assertThat(stored.get(1).text()).isEqualTo("original");
            assertThat(store.lastSeq()).isEqualTo(3);
        }
        try (SqliteMessageStore store = open()) {
            assertThat(store.after(0, 10).messages()).extracting(Message::seq).containsExactly(1L, 2L, 3L);
            assertThat(store.findById(first)).get().extracting(Message::text).isEqualTo("original");
        }
    }

    @Test
    void membersAndTheirNamesOutliveAReopenAndLeavingForgetsThem() {
        try (SqliteMessageStore store = open()) {
            store.putMember(ALICE);
            store.putMember(BOB);
            store.putMember(new User(BOB.id(), "Robert"));
            assertThat(store.removeMember(ALICE.id())).isTrue();
            assertThat(store.removeMember(ALICE.id())).isFalse();
        }
        try (SqliteMessageStore store = open()) {
            assertThat(store.member(ALICE.id())).isEmpty();
            assertThat(store.member(BOB.id())).contains(new User(BOB.id(), "Robert"));
            assertThat(store.memberCount()).isEqualTo(1);
            assertThat(store.members()).containsExactly(new User(BOB.id(), "Robert"));
        }
    }

    @Test
    void committedMessagesReachTheDatabaseFileWithoutTheWriterCheckpointing() throws Exception {
        try (SqliteMessageStore store = open()) {
            int messages = 300;
            for (int i = 0; i < messages; i++) {
                store.append(List.of(new NewMessage(UUID.randomUUID().toString(), ALICE, "message " + i)));
            }
            // About 3 WAL pages a commit is far below the writer's own threshold: only the background copies.
            // Until the first checkpoint the file may not even hold the table yet.
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(countInDatabaseFileAlone()).isEqualTo(messages));
            assertThat(store.lastSeq()).isEqualTo(messages);
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
