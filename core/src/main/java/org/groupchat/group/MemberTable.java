package org.groupchat.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groupchat.protocol.User;

/**
 * The members table of a group's SQLite database, on the store's connection and thread. Every member is also
 * kept in memory (a group holds at most its member limit), so checking a sender or reader reads no disk.
 */
final class MemberTable {
    private final Connection db;
    private final PreparedStatement upsert;
    private final PreparedStatement delete;
    private final Map<String, User> byId = new HashMap<>();

    MemberTable(Connection db) throws SQLException {
        this.db = db;
        upsert = db.prepareStatement(
                "INSERT INTO members(id, name, joined_ts) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name");
        delete = db.prepareStatement("DELETE FROM members WHERE id = ?");
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, name FROM members")) {
            while (rs.next()) {
                byId.put(rs.getString(1), new User(rs.getString(1), rs.getString(2)));
            }
        }
    }

    Optional<User> find(String userId) {
        return Optional.ofNullable(byId.get(userId));
    }

    List<User> all() {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, name FROM members ORDER BY name COLLATE NOCASE, id")) {
            List<User> users = new ArrayList<>();
            while (rs.next()) {
                users.add(new User(rs.getString(1), rs.getString(2)));
            }
            return users;
        } catch (SQLException e) {
            throw new StorageException("could not read the members: " + e.getMessage(), e);
        }
    }

    int count() {
        return byId.size();
    }

    /** Adds the member or updates their name. */
    void put(User user) {
        try {
            upsert.setString(1, user.id());
            upsert.setString(2, user.name());
            upsert.setLong(3, System.currentTimeMillis());
            upsert.executeUpdate();
            byId.put(user.id(), user);
        } catch (SQLException e) {
            throw new StorageException("could not store the membership: " + e.getMessage(), e);
        }
    }

    /** Returns whether the user was a member. */
    boolean remove(String userId) {
        try {
            delete.setString(1, userId);
            delete.executeUpdate();
            return byId.remove(userId) != null;
        } catch (SQLException e) {
            throw new StorageException("could not remove the membership: " + e.getMessage(), e);
        }
    }
}
