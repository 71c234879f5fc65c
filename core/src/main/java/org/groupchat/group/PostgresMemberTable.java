package org.groupchat.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.groupchat.protocol.User;

/** A group's rows of the member table in PostgreSQL; every member is also kept in memory, as {@link MemberTable} does. */
final class PostgresMemberTable {
    private final long groupId;
    private final PreparedStatement upsert;
    private final PreparedStatement delete;
    private final PreparedStatement ordered;
    private final Map<String, User> byId = new HashMap<>();

    PostgresMemberTable(Connection db, long groupId) throws SQLException {
        this.groupId = groupId;
        upsert = db.prepareStatement("INSERT INTO member(group_id, id, name, joined_ts) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (group_id, id) DO UPDATE SET name = excluded.name");
        delete = db.prepareStatement("DELETE FROM member WHERE group_id = ? AND id = ?");
        ordered = db.prepareStatement("SELECT id, name FROM member WHERE group_id = ? ORDER BY lower(name), id");
        for (User user : all()) {
            byId.put(user.id(), user);
        }
    }

    Optional<User> find(String userId) {
        return Optional.ofNullable(byId.get(userId));
    }

    int count() {
        return byId.size();
    }

    List<User> all() throws SQLException {
        ordered.setLong(1, groupId);
        List<User> users = new ArrayList<>();
        try (ResultSet rs = ordered.executeQuery()) {
            while (rs.next()) {
                users.add(new User(rs.getString(1), rs.getString(2)));
            }
        }
        return users;
    }

    void put(User user) throws SQLException {
        upsert.setLong(1, groupId);
        upsert.setString(2, user.id());
        upsert.setString(3, user.name());
        upsert.setLong(4, System.currentTimeMillis());
        upsert.executeUpdate();
        byId.put(user.id(), user);
    }

    boolean remove(String userId) throws SQLException {
        delete.setLong(1, groupId);
        delete.setString(2, userId);
        delete.executeUpdate();
        return byId.remove(userId) != null;
    }
}
