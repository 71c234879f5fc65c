package org.groupchat.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A group's stored state beside its log (schema 18): its owners, its bans and each user's read marker. The same SQL
 * serves both stores: SQLite's tables belong to the one group of the file, PostgreSQL's are keyed by group first.
 * The server reads it all once and keeps it in memory (it is at most a few rows per member).
 */
public final class GroupState {
    /** One call on the store's live connection; the store turns a failure into a {@link StorageException}. */
    interface Access {
        <T> T call(String what, SqlCall<T> call);
    }

    /** Runs on a connection, with the group's id (null for a SQLite file, which holds one group). */
    interface SqlCall<T> {
        T run(Connection db, Long groupId) throws SQLException;
    }

    private final Access access;

    GroupState(Access access) {
        this.access = access;
    }

    /** The state in a SQLite file, on the store's connection. */
    static GroupState onSqlite(Connection db) {
        return new GroupState(new Access() {
            @Override
            public <T> T call(String what, SqlCall<T> call) {
                try {
                    return call.run(db, null);
                } catch (SQLException e) {
                    throw new StorageException(what + ": " + SqliteDatabaseFile.reason(e), e);
                }
            }
        });
    }

    public Set<String> owners() {
        return access.call("could not read the group's owners", (db, group) -> {
            Set<String> owners = new HashSet<>();
            try (PreparedStatement st =
                            scoped(db, group, "SELECT user_id FROM " + table(group, "owners") + where(group));
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    owners.add(rs.getString(1));
                }
            }
            return owners;
        });
    }

    public void addOwners(Collection<String> userIds) {
        access.call("could not store the group's owners", (db, group) -> {
            for (String userId : userIds) {
                try (PreparedStatement st = db.prepareStatement("INSERT INTO " + table(group, "owners") + "("
                        + (group == null ? "" : "group_id, ") + "user_id) VALUES (" + (group == null ? "" : "?, ")
                        + "?) ON CONFLICT DO NOTHING")) {
                    bind(st, group, userId);
                    st.executeUpdate();
                }
            }
            return null;
        });
    }

    /** The banned user ids, each with the name they had when banned (null when unknown). */
    public Map<String, String> bans() {
        return access.call("could not read the group's bans", (db, group) -> {
            Map<String, String> bans = new HashMap<>();
            try (PreparedStatement st =
                            scoped(db, group, "SELECT user_id, name FROM " + table(group, "bans") + where(group));
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    bans.put(rs.getString(1), rs.getString(2));
                }
            }
            return bans;
        });
    }

    public Map<String, Long> readMarkers() {
        return access.call("could not read the read markers", (db, group) -> {
            Map<String, Long> markers = new HashMap<>();
            try (PreparedStatement st = scoped(
                            db, group, "SELECT user_id, read_seq FROM " + table(group, "read_markers") + where(group));
                    ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    markers.put(rs.getString(1), rs.getLong(2));
                }
            }
            return markers;
        });
    }

    /** Stores the marker; the caller has made sure it only moves forward. */
    public void putReadMarker(String userId, long readSeq) {
        access.call("could not store the read marker", (db, group) -> {
            try (PreparedStatement st = db.prepareStatement("INSERT INTO " + table(group, "read_markers") + "("
                    + (group == null ? "" : "group_id, ") + "user_id, read_seq) VALUES (" + (group == null ? "" : "?, ")
                    + "?, ?) ON CONFLICT (" + (group == null ? "" : "group_id, ") + "user_id)"
                    + " DO UPDATE SET read_seq = excluded.read_seq")) {
                st.setLong(bind(st, group, userId), readSeq);
                st.executeUpdate();
            }
            return null;
        });
    }

    private static String table(Long group, String sqliteName) {
        if (group == null) {
            return sqliteName;
        }
        return switch (sqliteName) {
            case "owners" -> "group_owner";
            case "bans" -> "group_ban";
            default -> "read_marker";
        };
    }

    private static String where(Long group) {
        return group == null ? "" : " WHERE group_id = ?";
    }

    private static PreparedStatement scoped(Connection db, Long group, String sql) throws SQLException {
        PreparedStatement st = db.prepareStatement(sql);
        if (group != null) {
            st.setLong(1, group);
        }
        return st;
    }

    /** Binds the group (if any) and the user id; returns the next parameter's index. */
    private static int bind(PreparedStatement st, Long group, String userId) throws SQLException {
        int index = 1;
        if (group != null) {
            st.setLong(index++, group);
        }
        st.setString(index++, userId);
        return index;
    }
}
