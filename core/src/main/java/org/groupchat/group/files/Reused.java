package org.groupchat.group.files;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** A cached statement whose try-with-resources close only clears its parameters. */
record Reused(PreparedStatement st) implements AutoCloseable {
    void setString(int i, String v) throws SQLException {
        st.setString(i, v);
    }

    void setLong(int i, long v) throws SQLException {
        st.setLong(i, v);
    }

    void setInt(int i, int v) throws SQLException {
        st.setInt(i, v);
    }

    void setBytes(int i, byte[] v) throws SQLException {
        st.setBytes(i, v);
    }

    int executeUpdate() throws SQLException {
        return st.executeUpdate();
    }

    ResultSet executeQuery() throws SQLException {
        return st.executeQuery();
    }

    @Override
    public void close() throws SQLException {
        st.clearParameters();
    }

    /** Statements prepared once per text on one connection: a chunk's insert is parsed once, not once per chunk. */
    static final class Cache {
        private final Connection db;
        private final Map<String, PreparedStatement> prepared = new HashMap<>();

        Cache(Connection db) {
            this.db = db;
        }

        Reused prepare(String statement) throws SQLException {
            PreparedStatement st = prepared.get(statement);
            if (st == null) {
                st = db.prepareStatement(statement);
                prepared.put(statement, st);
            }
            return new Reused(st);
        }
    }
}
