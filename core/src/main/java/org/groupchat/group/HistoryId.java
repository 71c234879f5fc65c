package org.groupchat.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Reads and replaces a group's history id, in the SQLite {@code meta} table or PostgreSQL's {@code chat_group} row. */
public final class HistoryId {
    private HistoryId() {}

    static String ofSqlite(Connection db) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT value FROM meta WHERE key = 'history_id'");
                ResultSet rs = st.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static String ofPostgres(Connection db, long groupId) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT history_id FROM chat_group WHERE id = ?")) {
            st.setLong(1, groupId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Gives a restored SQLite copy a new history id; returns it. */
    public static String renewSqlite(Connection db) throws SQLException {
        String fresh = fresh();
        try (PreparedStatement st =
                db.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES ('history_id', ?)")) {
            st.setString(1, fresh);
            st.executeUpdate();
        }
        return fresh;
    }

    /** Gives every group of a restored PostgreSQL database a new history id; returns how many groups it has. */
    public static int renewPostgres(Connection db) throws SQLException {
        try (PreparedStatement st =
                db.prepareStatement("UPDATE chat_group SET history_id = replace(gen_random_uuid()::text, '-', '')")) {
            return st.executeUpdate();
        }
    }

    private static String fresh() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
