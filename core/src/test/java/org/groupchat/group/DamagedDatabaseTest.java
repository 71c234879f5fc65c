package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.groupchat.protocol.User;
import org.groupchat.testing.TestGroups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged database file is found with a clear message: at open when the cheap checks see it, else by the whole-file
 * check that runs in the background, which stops the group; history is never served from it silently.
 */
class DamagedDatabaseTest {
    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void fillAndClose() {
        file = dir.resolve("group.db");
        try (SqliteMessageStore store = SqliteMessageStore.open(file, Durability.PROCESS_CRASH)) {
            User user = new User(UUID.randomUUID().toString(), "Writer");
            store.putMember(user);
            List<NewMessage> batch = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                batch.add(new NewMessage(UUID.randomUUID().toString(), user, "message " + i + " " + "x".repeat(200)));
            }
            store.append(batch);
        }
    }

    @Test
    void anIntactFileOpensWithItsHistory() {
        try (SqliteMessageStore store = SqliteMessageStore.open(file, Durability.PROCESS_CRASH)) {
            assertThat(store.lastSeq()).isEqualTo(3_000);
            assertThat(store.memberCount()).isEqualTo(1);
            assertThat(store.integrity()).succeedsWithin(Duration.ofSeconds(30));
        }
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        checkpoint();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }
        assertRefusedAsDamaged();
    }

    @Test
    void overwrittenPagesAreFoundByTheBackgroundCheck() throws Exception {
        overwriteTheMiddlePages();
        try (SqliteMessageStore store = SqliteMessageStore.open(file, Durability.PROCESS_CRASH)) {
            assertThat(store.lastSeq()).isEqualTo(3_000);
            assertThat(store.integrity())
                    .failsWithin(Duration.ofSeconds(30))
                    .withThrowableOfType(ExecutionException.class)
                    .havingCause()
                    .isInstanceOf(StorageException.class)
                    .withMessageContaining("is damaged")
                    .withMessageContaining("restore it from a backup");
        }
    }

    @Test
    void aGroupOnADamagedFileStopsWithTheDamage() throws Exception {
        overwriteTheMiddlePages();
        GroupServer server = new GroupServer(
                GroupServerConfig.of("Damaged", TestGroups.ANY_PORT, null),
                SqliteMessageStore.open(file, Durability.PROCESS_CRASH));
        server.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> server.stopped().isDone());
            assertThat(server.stopped())
                    .failsWithin(Duration.ZERO)
                    .withThrowableOfType(ExecutionException.class)
                    .havingRootCause()
                    .isInstanceOf(StorageException.class)
                    .withMessageContaining("is damaged");
            assertThat(server.isRunning()).isFalse();
        } finally {
            server.close();
        }
    }

    @Test
    void closingTheStoreEndsItsCheck() {
        SqliteMessageStore store = SqliteMessageStore.open(file, Durability.PROCESS_CRASH);
        store.close();
        assertThat(store.integrity()).isDone();
    }

    /** Overwrites two pages of message text in the middle of the history: pages the cheap checks at open do not read. */
    private void overwriteTheMiddlePages() throws Exception {
        checkpoint();
        byte[] bytes = Files.readAllBytes(file);
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("message 1500 x");
        assertThat(at).as("where message 1500 is stored").isPositive();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(at - at % 4_096);
            byte[] garbage = new byte[8_192];
            new Random(7).nextBytes(garbage);
            raf.write(garbage);
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefused() throws Exception {
        Files.writeString(dir.resolve("text.db"), "this is not a database file, it is a note ".repeat(200));
        assertThatThrownBy(() -> SqliteMessageStore.open(dir.resolve("text.db"), Durability.PROCESS_CRASH))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("is damaged");
    }

    @Test
    void missingMessagesAreRefused() throws Exception {
        checkpoint();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = db.createStatement()) {
            st.execute("DELETE FROM messages WHERE seq BETWEEN 100 AND 109");
        }
        assertThatThrownBy(() -> SqliteMessageStore.open(file, Durability.PROCESS_CRASH))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("10 of messages 1..3000 are missing");
    }

    private void assertRefusedAsDamaged() {
        assertThatThrownBy(() -> SqliteMessageStore.open(file, Durability.PROCESS_CRASH))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("is damaged")
                .hasMessageContaining("restore it from a backup");
    }

    /** Moves everything from the WAL into the main file, as a clean stop eventually does. */
    private void checkpoint() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = db.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }
}
