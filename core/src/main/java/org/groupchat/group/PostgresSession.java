package org.groupchat.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One live connection of a group's {@link PostgresMessageStore}, with everything prepared on it. Which server may
 * write is the {@link GroupLease}'s business: each append checks its epoch. When the connection breaks, the store drops
 * the session and opens a new one.
 */
final class PostgresSession implements AutoCloseable {
    final Connection db;
    final long groupId;
    final PostgresQueries queries;
    final PostgresMemberTable members;
    final PostgresAppend writes;
    final PostgresSearch search;

    private PostgresSession(Connection db, long groupId, long epoch) throws SQLException {
        this.db = db;
        this.groupId = groupId;
        queries = new PostgresQueries(db, groupId);
        members = new PostgresMemberTable(db, groupId);
        writes = new PostgresAppend(db, groupId, epoch, queries);
        search = new PostgresSearch(db, groupId);
    }

    static PostgresSession open(PostgresDatabase database, String groupName, long epoch) {
        Connection db = null;
        try {
            db = database.connect();
            return new PostgresSession(db, groupId(db, groupName), epoch);
        } catch (SQLException e) {
            JdbcConnections.closeQuietly(db);
            throw database.unusable(e);
        }
    }

    static long groupId(Connection db, String groupName) throws SQLException {
        try (PreparedStatement insert =
                        db.prepareStatement("INSERT INTO chat_group(name) VALUES (?) ON CONFLICT (name) DO NOTHING");
                PreparedStatement select = db.prepareStatement("SELECT id FROM chat_group WHERE name = ?")) {
            insert.setString(1, groupName);
            insert.executeUpdate();
            select.setString(1, groupName);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The group's highest seq and ts, each read from the end of an index. */
    long[] counters() throws SQLException {
        try (PreparedStatement st =
                db.prepareStatement("SELECT (SELECT coalesce(max(seq), 0) FROM message WHERE group_id = ?),"
                        + " (SELECT coalesce(max(ts), 0) FROM message WHERE group_id = ?)")) {
            st.setLong(1, groupId);
            st.setLong(2, groupId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** Whether a failure means the connection is gone (so a new session is needed) rather than one bad statement. */
    boolean isBroken(SQLException e) {
        return JdbcConnections.isBroken(db, e);
    }

    @Override
    public void close() {
        JdbcConnections.closeQuietly(db);
    }
}
