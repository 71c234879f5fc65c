package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.groupchat.protocol.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite answers a search from its full-text index, in seq order, without a scan or a sort of the history. */
class SqliteSearchPlanTest {
    @TempDir
    Path dir;

    @Test
    void theFullTextIndexGivesTheHitsNewestFirstAndEachMessageIsReadByItsSeq() throws Exception {
        Path file = dir.resolve("group.db");
        SqliteMessageStore.open(file, Durability.PROCESS_CRASH).close();
        List<String> plan = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                PreparedStatement st = db.prepareStatement("EXPLAIN QUERY PLAN " + MessageQueries.SEARCH)) {
            st.setString(1, "\"lunch\" \"a\"*");
            st.setLong(2, Long.MAX_VALUE);
            st.setInt(3, 21);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString("detail"));
                }
            }
        }
        assertThat(plan).hasSize(2);
        assertThat(plan.get(0)).startsWith("SCAN message_search VIRTUAL TABLE INDEX");
        assertThat(plan.get(1)).isEqualTo("SEARCH m USING INTEGER PRIMARY KEY (rowid=?)");
        assertThat(plan).noneMatch(step -> step.contains("TEMP B-TREE"));
    }

    @Test
    void takingNotedMessagesIntoTheIndexReadsOnlyTheNotedOnesNotTheWholeLog() throws Exception {
        Path file = dir.resolve("group.db");
        SqliteMessageStore.open(file, Durability.PROCESS_CRASH).close();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (String step : SqliteSearchIndex.CATCH_UP) {
                List<String> plan = new ArrayList<>();
                try (PreparedStatement st = db.prepareStatement("EXPLAIN QUERY PLAN " + step);
                        ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        plan.add(rs.getString("detail"));
                    }
                }
                // a whole-table step reads "SCAN m" (or e, messages); the index by rowid reads "... INDEX 0:="
                assertThat(plan)
                        .as(step)
                        .noneMatch(detail -> detail.matches("SCAN (m|e|messages)( .*)?")
                                || detail.equals("SCAN message_search VIRTUAL TABLE INDEX 0:"));
            }
        }
    }

    @Test
    void aBulkFillIsTakenIntoTheIndexAsItGoesNotLeftToTheFirstSearch() throws Exception {
        Path file = dir.resolve("group.db");
        try (SqliteMessageStore store = SqliteMessageStore.open(file, Durability.PROCESS_CRASH)) {
            for (int batch = 0; batch < 3; batch++) {
                List<NewMessage> messages = new ArrayList<>();
                for (int i = 0; i < SqliteSearchIndex.BATCH; i++) {
                    messages.add(new NewMessage(
                            UUID.randomUUID().toString(), new User("u1", "Alice"), "bulk line " + batch + " " + i));
                }
                store.bulkAppend(messages, System.currentTimeMillis());
            }
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                    PreparedStatement st = db.prepareStatement("SELECT count(*) FROM message_search_pending");
                    ResultSet rs = st.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1))
                        .as("messages still waiting for the index")
                        .isZero();
            }
        }
    }
}
