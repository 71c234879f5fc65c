package org.groupchat.group;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.groupchat.metrics.LiveFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a PostgreSQL database's size and WAL figures on a thread of its own, every {@code interval}, for the metrics:
 * a scrape reads the last figures and never runs a query. The database size and the WAL position need no privilege
 * beyond CONNECT; the WAL folder's size needs the role {@code pg_monitor} (or a superuser) and is left out without it.
 */
public final class PostgresSizes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresSizes.class);
    private static final String SIZE_AND_POSITION = "SELECT pg_database_size(current_database()), pg_wal_lsn_diff("
            + "CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END, '0/0')";
    private static final String WAL_FOLDER = "SELECT coalesce(sum(size), 0) FROM pg_ls_waldir()";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final PostgresDatabase database;
    private final ScheduledExecutorService refresher;
    private final Supplier<LiveFigures.Database> published = this::figures;
    private volatile LiveFigures.Database figures;
    private boolean walFolderReadable = true;
    private String lastProblem;

    private PostgresSizes(PostgresDatabase database) {
        this.database = database;
        this.figures = new LiveFigures.Database(database.toString(), -1, -1, -1);
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "postgres-sizes");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts reading at once, then every {@code interval}, and publishes the figures to the metrics. */
    public static PostgresSizes start(PostgresDatabase database, Duration interval) {
        PostgresSizes sizes = new PostgresSizes(database);
        LiveFigures.addDatabase(sizes.published);
        sizes.refresher.scheduleWithFixedDelay(sizes::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return sizes;
    }

    /** The figures as last read. */
    public LiveFigures.Database figures() {
        return figures;
    }

    private void refresh() {
        try (Connection db = database.connect();
                Statement st = db.createStatement()) {
            double bytes;
            double position;
            try (ResultSet row = st.executeQuery(SIZE_AND_POSITION)) {
                row.next();
                bytes = row.getDouble(1);
                position = row.getDouble(2);
            }
            figures = new LiveFigures.Database(database.toString(), bytes, position, walFolder(st));
            lastProblem = null;
        } catch (SQLException | RuntimeException e) {
            String problem = PostgresDatabase.reason(e);
            if (!problem.equals(lastProblem)) {
                LOG.warn("cannot read the size of the database {}: {}", database, problem);
                lastProblem = problem;
            }
        }
    }

    private double walFolder(Statement st) throws SQLException {
        if (!walFolderReadable) {
            return -1;
        }
        try (ResultSet row = st.executeQuery(WAL_FOLDER)) {
            row.next();
            return row.getDouble(1);
        } catch (SQLException e) {
            if (!INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
                throw e;
            }
            walFolderReadable = false;
            LOG.info(
                    "groupchat_postgres_wal_bytes is left out: the role may not read the WAL folder of {} (grant it"
                            + " pg_monitor to have it)",
                    database);
            return -1;
        }
    }

    @Override
    public void close() {
        LiveFigures.removeDatabase(published);
        refresher.shutdownNow();
        try {
            refresher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
