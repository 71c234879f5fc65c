package org.groupchat.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One live connection of a group's {@link PostgresMessageStore}, with everything prepared on it. It holds the group's
 * advisory lock for as long as it lives, so a second server of the same group is refused, as the SQLite file's lock
 * refuses it. When the connection breaks, the store drops the session and opens a new one.
 */
final class PostgresSession implements AutoCloseable {
    // The advisory lock's first key says "GroupChat" ("GCHT"); the second is the group's id.
    private static final int LOCK_CLASS = 0x47434854;
    private static final long LOCK_WAIT_MS = 2_000;
    private static final long LOCK_RETRY_MS = 100;

    final Connection db;
    final long groupId;
    final PostgresQueries queries;
    final PostgresMemberTable members;
    final PostgresAppend writes;

    private PostgresSession(Connection db, long groupId) throws SQLException {
        this.db = db;
        this.groupId = groupId;
        queries = new PostgresQueries(db, groupId);
        members = new PostgresMemberTable(db, groupId);
        writes = new PostgresAppend(db, groupId, queries);
    }

    static PostgresSession open(PostgresDatabase database, String groupName) {
        Connection db = null;
        try {
            db = database.connect();
            long groupId = groupId(db, groupName);
            if (!lock(db, groupId)) {
                throw new StorageException("the group \"" + groupName + "\" in the database " + database
                        + " is in use by another group server", null);
            }
            return new PostgresSession(db, groupId);
        } catch (SQLException e) {
            closeQuietly(db);
            throw database.unusable(e);
        } catch (RuntimeException e) {
            closeQuietly(db);
            throw e;
        }
    }

    private static long groupId(Connection db, String groupName) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO chat_group(name) VALUES (?) ON CONFLICT (name) DO NOTHING");
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

    /**
     * Takes the group's lock, waiting up to {@link #LOCK_WAIT_MS}: a server that has just stopped or died holds it
     * until PostgreSQL has ended its connection, which happens a moment after the process is gone.
     */
    private static boolean lock(Connection db, long groupId) throws SQLException {
        long deadline = System.nanoTime() + LOCK_WAIT_MS * 1_000_000L;
        try (PreparedStatement st = db.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            st.setInt(1, LOCK_CLASS);
            st.setInt(2, (int) groupId);
            while (true) {
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return true;
                    }
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
                try {
                    Thread.sleep(LOCK_RETRY_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /** The group's highest seq and ts, each read from the end of an index. */
    long[] counters() throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT (SELECT coalesce(max(seq), 0) FROM message WHERE group_id = ?),"
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
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return true;
        }
        try {
            return !db.isValid(1);
        } catch (SQLException invalid) {
            return true;
        }
    }

    /** Releases the lock at once, so the group can be opened again right away; closing the connection would too, later. */
    @Override
    public void close() {
        try (PreparedStatement st = db.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            st.setInt(1, LOCK_CLASS);
            st.setInt(2, (int) groupId);
            st.execute();
        } catch (SQLException ignored) {
            // a broken connection: the server releases the lock when it ends that connection
        }
        closeQuietly(db);
    }

    private static void closeQuietly(Connection db) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // a broken connection: the server ends its side, and the lock with it
            }
        }
    }
}
