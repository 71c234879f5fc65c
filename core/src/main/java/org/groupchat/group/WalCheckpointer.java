package org.groupchat.group;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies committed pages from the WAL into the database file on a connection and thread of its own, so the group
 * thread's commits do not wait for that copy and its fsyncs. Checkpointed at the writer, a SEND every 1,000 WAL
 * pages stalled 5-10 ms, which was the p99.9 at one client and the p99 at 32 (PERFORMANCE.md). The writer still
 * checkpoints by itself once the WAL passes {@link #WRITER_BACKSTOP_PAGES}, which keeps the WAL bounded when this
 * thread falls behind; SQLite lets one checkpoint run at a time, and a passive one never blocks the writer.
 */
final class WalCheckpointer implements AutoCloseable {
    static final int WRITER_BACKSTOP_PAGES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
    private static final long INTERVAL_MS = 20;
    private static final long STOP_WAIT_MS = 5_000;

    private final Path file;
    private final Thread thread;
    private final Object wake = new Object();
    private volatile long committedSeq;
    private volatile boolean closed;

    private WalCheckpointer(Path file, long lastSeq) {
        this.file = file;
        this.committedSeq = lastSeq;
        this.thread = new Thread(this::run, "wal-checkpoint-" + file.getFileName());
        thread.setDaemon(true);
    }

    static WalCheckpointer start(Path file, long lastSeq) {
        WalCheckpointer checkpointer = new WalCheckpointer(file, lastSeq);
        checkpointer.thread.start();
        return checkpointer;
    }

    /** Tells the checkpointer that messages up to {@code lastSeq} are committed; it copies them soon. */
    void committed(long lastSeq) {
        committedSeq = lastSeq;
    }

    private void run() {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement st = db.createStatement()) {
            long checkpointedSeq = committedSeq;
            boolean warned = false;
            while (!closed) {
                synchronized (wake) {
                    wake.wait(INTERVAL_MS);
                }
                long seq = committedSeq;
                if (seq == checkpointedSeq || closed) {
                    continue;
                }
                try {
                    st.execute("PRAGMA wal_checkpoint(PASSIVE)");
                    checkpointedSeq = seq;
                    warned = false;
                } catch (SQLException e) {
                    // The pages stay safe in the WAL, and the writer checkpoints at its backstop; say so once.
                    if (!warned) {
                        LOG.warn("background checkpoint of {} failed, the writer will do it: {}", file, e.getMessage());
                        warned = true;
                    }
                }
            }
        } catch (SQLException e) {
            LOG.warn("no background checkpoints for {}; the writer does them: {}", file, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the thread and closes its connection; call before the writer's connection closes. */
    @Override
    public void close() {
        closed = true;
        synchronized (wake) {
            wake.notifyAll();
        }
        try {
            thread.join(STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
