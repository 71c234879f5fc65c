package org.groupchat.group;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server's turn to run a group stored in PostgreSQL: the row of {@code group_lease} it took with a new epoch. A thread
 * of its own renews it every third of the lease on a connection of its own; when the database says another server has
 * taken a newer epoch, {@link #lost()} completes. While the database cannot be reached the turn is kept: appends fail
 * there anyway, and a standby that can reach it takes the group once the lease has run out.
 */
public final class GroupLease implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupLease.class);
    public static final long DEFAULT_LEASE_MS = 6_000;
    private static final String TAKE = "INSERT INTO group_lease(group_id, epoch, holder, expires_at)"
            + " VALUES (?, 1, ?, clock_timestamp() + ? * interval '1 millisecond')"
            + " ON CONFLICT (group_id) DO UPDATE SET epoch = group_lease.epoch + 1, holder = EXCLUDED.holder,"
            + " expires_at = EXCLUDED.expires_at WHERE group_lease.expires_at < clock_timestamp() RETURNING epoch";
    private static final String RENEW =
            "UPDATE group_lease SET expires_at = clock_timestamp() + ? * interval '1 millisecond'"
                    + " WHERE group_id = ? AND epoch = ?";
    private static final String RELEASE =
            "UPDATE group_lease SET expires_at = clock_timestamp() WHERE group_id = ? AND epoch = ?";

    private final PostgresDatabase database;
    private final String groupName;
    private final long groupId;
    private final long epoch;
    private final long leaseMs;
    private final CompletableFuture<String> lost = new CompletableFuture<>();
    private final ScheduledExecutorService renewer;
    private Connection db;

    private GroupLease(
            PostgresDatabase database, String groupName, Connection db, long groupId, long epoch, long leaseMs) {
        this.database = database;
        this.groupName = groupName;
        this.db = db;
        this.groupId = groupId;
        this.epoch = epoch;
        this.leaseMs = leaseMs;
        renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "lease-" + groupName);
            thread.setDaemon(true);
            return thread;
        });
        renewer.scheduleWithFixedDelay(this::renew, leaseMs / 3, leaseMs / 3, TimeUnit.MILLISECONDS);
    }

    /**
     * One attempt to take the group on {@code db}: succeeds when nobody holds it or the holder's lease has run out, and
     * the lease then owns {@code db}. Empty (and {@code db} still the caller's) while another server holds it.
     */
    static Optional<GroupLease> tryTake(
            PostgresDatabase database, Connection db, String groupName, String holder, long leaseMs)
            throws SQLException {
        long groupId = PostgresSession.groupId(db, groupName);
        try (PreparedStatement take = db.prepareStatement(TAKE)) {
            take.setLong(1, groupId);
            take.setString(2, holder);
            take.setLong(3, leaseMs);
            try (ResultSet rs = take.executeQuery()) {
                if (rs.next()) {
                    return Optional.of(new GroupLease(database, groupName, db, groupId, rs.getLong(1), leaseMs));
                }
            }
        }
        return Optional.empty();
    }

    public long epoch() {
        return epoch;
    }

    public long leaseMs() {
        return leaseMs;
    }

    long groupId() {
        return groupId;
    }

    /** Completes, with the reason, when another server has taken the group with a newer epoch. */
    public CompletableFuture<String> lost() {
        return lost;
    }

    private synchronized void renew() {
        if (lost.isDone()) {
            return;
        }
        try {
            if (db == null) {
                db = database.connect();
            }
            try (PreparedStatement st = db.prepareStatement(RENEW)) {
                st.setLong(1, leaseMs);
                st.setLong(2, groupId);
                st.setLong(3, epoch);
                if (st.executeUpdate() == 0) {
                    lost.complete("another server took the group \"" + groupName + "\" over with a newer epoch than "
                            + epoch);
                }
            }
        } catch (SQLException | StorageException e) {
            LOG.warn(
                    "group \"{}\": cannot renew the turn (epoch {}) in the database: {}",
                    groupName,
                    epoch,
                    PostgresDatabase.reason(e));
            JdbcConnections.closeQuietly(db);
            db = null;
        }
    }

    /** Stops renewing and, if still ours, ends the lease at once so a standby takes over without waiting it out. */
    @Override
    public void close() {
        renewer.shutdownNow();
        synchronized (this) {
            if (db != null && !lost.isDone()) {
                try (PreparedStatement st = db.prepareStatement(RELEASE)) {
                    st.setLong(1, groupId);
                    st.setLong(2, epoch);
                    st.executeUpdate();
                } catch (SQLException ignored) {
                    // the lease runs out by itself
                }
            }
            JdbcConnections.closeQuietly(db);
            db = null;
        }
    }
}
