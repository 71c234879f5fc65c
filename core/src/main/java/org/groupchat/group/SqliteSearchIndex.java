package org.groupchat.group;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps a SQLite store's full-text index (schema 19) up with its log: appends only note their seqs, and the index
 * takes them in here, by the hundred after appends and always before a search, so a search sees every message stored.
 * Messages go in, then edits replace their targets' text, then deletions and removals drop theirs: a message deleted
 * in the same batch as it was sent ends up gone, as it should.
 */
final class SqliteSearchIndex {
    static final int BATCH = 256;
    // CROSS JOIN: the few noted seqs lead; planned freely, SQLite walked the whole log to match them.
    private static final String NOTED = " FROM message_search_pending p CROSS JOIN messages m ON m.seq = p.seq";
    static final String[] CATCH_UP = {
        "INSERT INTO message_search(rowid, text) SELECT m.seq, m.text" + NOTED
                + " WHERE m.kind IS NULL OR m.kind = 'message'",
        "UPDATE message_search SET text = (SELECT e.text FROM messages e WHERE e.target = message_search.rowid"
                + " AND e.kind = 'edit' ORDER BY e.seq DESC LIMIT 1) WHERE rowid IN (SELECT m.target" + NOTED
                + " WHERE m.kind = 'edit')",
        "DELETE FROM message_search WHERE rowid IN (SELECT m.target" + NOTED + " WHERE m.kind IN ('delete', 'remove'))",
        "DELETE FROM message_search_pending"
    };

    private final Connection db;
    private long noted;

    SqliteSearchIndex(Connection db) throws SQLException {
        this.db = db;
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM message_search_pending")) {
            rs.next();
            noted = rs.getLong(1);
        }
    }

    /** After a commit of {@code count} entries: takes them in once a batch has gathered; a failure leaves them noted. */
    void appended(int count) {
        noted += count;
        if (noted >= BATCH) {
            try {
                takeIn();
            } catch (SQLException e) {
                // the messages are stored; the next search takes them in, or reports why it cannot
            }
        }
    }

    /** Takes every noted entry in, before a search. */
    void catchUp() {
        try {
            takeIn();
        } catch (SQLException e) {
            throw new StorageException(
                    "could not bring the search index up to date: " + SqliteDatabaseFile.reason(e), e);
        }
    }

    private void takeIn() throws SQLException {
        if (noted == 0) {
            return;
        }
        try (Statement st = db.createStatement()) {
            st.execute("BEGIN");
            try {
                for (String step : CATCH_UP) {
                    st.executeUpdate(step);
                }
                st.execute("COMMIT");
                noted = 0;
            } catch (SQLException e) {
                st.execute("ROLLBACK");
                throw e;
            }
        }
    }
}
