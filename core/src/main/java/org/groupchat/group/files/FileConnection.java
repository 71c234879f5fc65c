package org.groupchat.group.files;

import java.sql.Connection;
import java.sql.SQLException;
import org.groupchat.group.JdbcConnections;

/**
 * The {@link SqlFileStore}'s connection. With an {@link Opener} (PostgreSQL), a connection found broken after a failure
 * is dropped and the next call opens a new one, at most once per {@link #RECONNECT_INTERVAL_NANOS}, as the group's
 * message store does: a lost database fails the file ops (INTERNAL) until it is back, then they go on.
 */
public final class FileConnection implements AutoCloseable {
    static final long RECONNECT_INTERVAL_NANOS = 1_000_000_000L;

    /** Opens a new connection to the same database, autocommit on. */
    @FunctionalInterface
    public interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private Connection db;
    private Reused.Cache statements;
    private SQLException lastFailure;
    private long lastConnectNanos = System.nanoTime();

    /** {@code opener} null: {@code first} is never replaced (a SQLite file does not go away). */
    FileConnection(Connection first, Opener opener) {
        this.opener = opener;
        this.db = first;
        this.statements = new Reused.Cache(first);
    }

    /** The live connection, or a new one if the last broke and the retry interval has passed. */
    Connection db() throws SQLException {
        if (db != null) {
            return db;
        }
        if (lastFailure != null && System.nanoTime() - lastConnectNanos < RECONNECT_INTERVAL_NANOS) {
            throw new SQLException(lastFailure.getMessage(), lastFailure.getSQLState(), lastFailure);
        }
        lastConnectNanos = System.nanoTime();
        try {
            db = opener.open();
            statements = new Reused.Cache(db);
            lastFailure = null;
            return db;
        } catch (SQLException e) {
            lastFailure = e;
            throw e;
        }
    }

    /** The connection as it is, never a new one: null after it broke (for a rollback, which has nothing to undo then). */
    Connection current() {
        return db;
    }

    Reused prepare(String statement) throws SQLException {
        db();
        return statements.prepare(statement);
    }

    /** After {@code e}: if the connection is gone (not one bad statement), drops it so the next call connects again. */
    void dropIfBroken(SQLException e) {
        if (db == null || opener == null) {
            return;
        }
        boolean broken = JdbcConnections.isBroken(db, e);
        if (broken) {
            close();
            db = null;
            statements = null;
        }
    }

    @Override
    public void close() {
        JdbcConnections.closeQuietly(db);
    }
}
