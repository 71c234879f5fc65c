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
 * pages stalled 5-10 ms, which was the p99.9 at one client and the p99 at 32 (PERFORMANCE.md). It checkpoints
 * {@link #COALESCE_MS} after a commit, taking in whatever else was committed meanwhile (small, frequent checkpoints
 * measured better than one every 1,024 messages), and waits without waking while nothing is committed. The writer
 * still checkpoints by itself once the WAL passes {@link #WRITER_BACKSTOP_PAGES}, which keeps the WAL bounded if this
 * thread falls behind; SQLite runs one checkpoint at a time, and a passive one never blocks the writer.
 */
final class WalCheckpointer implements AutoCloseable {
    static final int WRITER_BACKSTOP_PAGES = 10_000;
    static final long COALESCE_MS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
    private static final long STOP_WAIT_MS = 5_000;

    private final Path file;
    private final Thread thread;
    private final Object wake = new Object();
    private volatile long committedSeq;
    private volatile long checkpointedSeq;
    private volatile boolean idle;
    private volatile boolean closed;

    private WalCheckpointer(Path file, long lastSeq) {
        this.file = file;
        this.committedSeq = lastSeq;
        this.checkpointedSeq = lastSeq;
        this.thread = new Thread(this::run, "wal-checkpoint-" + file.getFileName());
        thread.setDaemon(true);
    }

    static WalCheckpointer start(Path file, long lastSeq) {
        WalCheckpointer checkpointer = new WalCheckpointer(file, lastSeq);
        checkpointer.thread.start();
        return checkpointer;
    }

    /** Tells the checkpointer that messages up to {@code lastSeq} are committed; wakes it if it waits for work. */
    void committed(long lastSeq) {
        committedSeq = lastSeq;
        // Read after the write above, as the checkpointer sets idle before reading committedSeq: one sees the other.
        if (idle) {
            synchronized (wake) {
                wake.notifyAll();
            }
        }
    }

    private void run() {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement st = db.createStatement()) {
            boolean warned = false;
            while (awaitCommits()) {
                Thread.sleep(COALESCE_MS);
                long seq = committedSeq;
                try {
                    st.execute("PRAGMA wal_checkpoint(PASSIVE)");
                    warned = false;
                } catch (SQLException e) {
                    // The pages stay safe in the WAL, and the writer checkpoints at its backstop; say so once.
                    if (!warned) {
                        LOG.warn("background checkpoint of {} failed, the writer will do it: {}", file, e.getMessage());
                        warned = true;
                    }
                }
                checkpointedSeq = seq;
            }
        } catch (SQLException e) {
            LOG.warn("no background checkpoints for {}; the writer does them: {}", file, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until something was committed since the last checkpoint; false once closed. */
    private boolean awaitCommits() throws InterruptedException {
        synchronized (wake) {
            idle = true;
            while (!closed && committedSeq == checkpointedSeq) {
                wake.wait();
            }
            idle = false;
        }
        return !closed;
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
