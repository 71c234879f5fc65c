package org.groupchat.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Retention's two statements for both stores. The newest message is never dropped, so the highest seq stays stored
 * and a seq is never handed out twice; ts never decreases with seq, so what is dropped is always a prefix of the history.
 */
final class RetentionSql {
    private RetentionSql() {}

    static int dropSqlite(Connection db, long cutoffMs, int batch) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("DELETE FROM messages WHERE seq IN (SELECT seq FROM messages"
                + " WHERE ts < ? AND seq < (SELECT max(seq) FROM messages) ORDER BY seq LIMIT ?)")) {
            st.setLong(1, cutoffMs);
            st.setInt(2, batch);
            return st.executeUpdate();
        }
    }

    static long firstSeqSqlite(Connection db) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT coalesce(min(seq), 0) FROM messages");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Only while {@code epoch} is the group's turn (a server that lost it changes nothing), as appends do. */
    static int dropPostgres(Connection db, long groupId, long epoch, long cutoffMs, int batch) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("DELETE FROM message WHERE group_id = ? AND seq IN (SELECT seq"
                + " FROM message WHERE group_id = ? AND ts < ? AND seq < (SELECT max(seq) FROM message WHERE group_id = ?)"
                + " ORDER BY seq LIMIT ?) AND EXISTS (SELECT 1 FROM group_lease WHERE group_id = ? AND epoch = ?)")) {
            st.setLong(1, groupId);
            st.setLong(2, groupId);
            st.setLong(3, cutoffMs);
            st.setLong(4, groupId);
            st.setInt(5, batch);
            st.setLong(6, groupId);
            st.setLong(7, epoch);
            return st.executeUpdate();
        }
    }

    static long firstSeqPostgres(Connection db, long groupId) throws SQLException {
        try (PreparedStatement st =
                db.prepareStatement("SELECT coalesce(min(seq), 0) FROM message WHERE group_id = ?")) {
            st.setLong(1, groupId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
