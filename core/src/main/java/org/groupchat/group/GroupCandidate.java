package org.groupchat.group;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A server standing by for a group in PostgreSQL: it asks, as often as it likes, whether the group's turn is free, on
 * one connection kept for it (a new connection per attempt would cost a log-in each time). Used by one thread.
 */
public final class GroupCandidate implements AutoCloseable {
    private final PostgresDatabase database;
    private final String groupName;
    private final String holder;
    private final long leaseMs;
    private Connection db;

    GroupCandidate(PostgresDatabase database, String groupName, String holder, long leaseMs) {
        this.database = database;
        this.groupName = groupName;
        this.holder = holder;
        this.leaseMs = leaseMs;
    }

    /**
     * Takes the group if nobody holds its turn or the holder's lease has run out; empty while another server holds it.
     *
     * @throws StorageException when the database cannot be used; the next attempt connects again
     */
    public Optional<GroupLease> tryTake() {
        try {
            if (db == null) {
                db = database.connect();
            }
            Optional<GroupLease> taken = GroupLease.tryTake(database, db, groupName, holder, leaseMs);
            if (taken.isPresent()) {
                db = null;
            }
            return taken;
        } catch (SQLException e) {
            close();
            throw database.unusable(e);
        }
    }

    @Override
    public void close() {
        JdbcConnections.closeQuietly(db);
        db = null;
    }
}
