package org.groupchat.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.groupchat.protocol.User;

/** The members table of a group's SQLite database, on the store's connection and thread. */
final class MemberTable {
    private final Connection db;
    private final PreparedStatement select;
    private final PreparedStatement upsert;
    private final PreparedStatement delete;
    private int count;

    MemberTable(Connection db) throws SQLException {
        this.db = db;
        select = db.prepareStatement("SELECT id, name FROM members WHERE id = ?");
        upsert = db.prepareStatement(
                "INSERT INTO members(id, name, joined_ts) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name");
        delete = db.prepareStatement("DELETE FROM members WHERE id = ?");
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM members")) {
            rs.next();
            count = rs.getInt(1);
        }
    }

    Optional<User> find(String userId) {
        try {
            select.setString(1, userId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new User(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("could not read the members: " + e.getMessage(), e);
        }
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
        return count;
    }

    /** Adds the member or updates their name. */
    void put(User user) {
        try {
            boolean isNew = find(user.id()).isEmpty();
            upsert.setString(1, user.id());
            upsert.setString(2, user.name());
            upsert.setLong(3, System.currentTimeMillis());
            upsert.executeUpdate();
            if (isNew) {
                count++;
            }
        } catch (SQLException e) {
            throw new StorageException("could not store the membership: " + e.getMessage(), e);
        }
    }

    /** Returns whether the user was a member. */
    boolean remove(String userId) {
        try {
            delete.setString(1, userId);
            boolean removed = delete.executeUpdate() > 0;
            if (removed) {
                count--;
            }
            return removed;
        } catch (SQLException e) {
            throw new StorageException("could not remove the membership: " + e.getMessage(), e);
        }
    }
}
