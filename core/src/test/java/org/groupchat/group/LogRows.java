package org.groupchat.group;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.groupchat.protocol.User;
import org.groupchat.testing.TestDatabase;
import org.groupchat.testing.TestStore;

/** Writes event rows (edit, delete, remove, reaction) into a group's log with SQL, as the server's events will. */
final class LogRows {
    private LogRows() {}

    /** Appends the event at {@code seq} about {@code target}; the store must be reopened before it appends again. */
    static void event(
            TestStore kind,
            Path dataDir,
            String groupName,
            long seq,
            String eventKind,
            long target,
            User sender,
            String text) {
        String columns = "seq, id, ts, sender_id, sender_name, text, kind, target";
        String sql = kind == TestStore.SQLITE
                ? "INSERT INTO messages(" + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                : "INSERT INTO groupchat.message(" + columns + ", group_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                        + " (SELECT id FROM groupchat.chat_group WHERE name = ?))";
        try (Connection db = kind == TestStore.SQLITE
                        ? DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("group.db"))
                        : DriverManager.getConnection(
                                TestDatabase.jdbcUrl(), TestDatabase.user(), TestDatabase.password());
                PreparedStatement st = db.prepareStatement(sql)) {
            st.setLong(1, seq);
            st.setString(2, UUID.randomUUID().toString());
            st.setLong(3, System.currentTimeMillis());
            st.setString(4, sender.id());
            st.setString(5, sender.name());
            st.setString(6, text);
            st.setString(7, eventKind);
            st.setLong(8, target);
            if (kind == TestStore.POSTGRESQL) {
                st.setString(9, groupName);
            }
            st.executeUpdate();
        } catch (SQLException e) {
            throw new AssertionError("could not write the event: " + e.getMessage(), e);
        }
    }
}
