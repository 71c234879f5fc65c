package org.groupchat.group;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops history older than the group's retention, a small batch at a time from the group's own loop: each batch is
 * one short transaction (about a millisecond for {@value #BATCH} rows), so SENDs wait at most that long, never
 * for a whole sweep. Used by the group's server thread only.
 */
final class RetentionSweep {
    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);
    private static final long IDLE_NANOS = 60_000_000_000L;
    private static final long BUSY_NANOS = 50_000_000L;

    private final String group;
    private final MessageStore store;
    private final long retainMs;
    private long nextNanos = System.nanoTime();
    private long firstSeq;
    private long droppedThisSweep;
    private final long idleNanos;

    RetentionSweep(String group, MessageStore store, long retainMs) {
        this.group = group;
        this.store = store;
        this.retainMs = retainMs;
        this.firstSeq = store.firstSeq();
        // a minute between checks, or a tenth of the retention when that is shorter (tests keep seconds)
        this.idleNanos = Math.min(IDLE_NANOS, Math.max(BUSY_NANOS, retainMs * 100_000L));
    }

    /** Drops one batch if one is due (every 50 ms while there is more to drop, else once a minute); true if it did. */
    boolean runIfDue(long nowNanos) {
        if (retainMs <= 0 || nowNanos - nextNanos < 0) {
            return false;
        }
        int dropped;
        try {
            dropped = store.dropOlderThan(System.currentTimeMillis() - retainMs, BATCH);
        } catch (StorageException e) {
            LOG.warn("group \"{}\": retention could not drop old messages, will try again: {}", group, e.getMessage());
            nextNanos = nowNanos + idleNanos;
            return false;
        }
        droppedThisSweep += dropped;
        if (dropped > 0) {
            firstSeq = store.firstSeq();
        } else if (droppedThisSweep > 0) {
            LOG.info(
                    "group \"{}\": retention dropped {} message(s); history now begins at #{}",
                    group,
                    droppedThisSweep,
                    firstSeq);
            droppedThisSweep = 0;
        }
        nextNanos = nowNanos + (dropped == BATCH ? BUSY_NANOS : idleNanos);
        return dropped > 0;
    }

    /** Where the stored history begins when retention has dropped some of it, else null (it begins at 1). */
    Long firstSeqIfTrimmed() {
        return firstSeq > 1 ? firstSeq : null;
    }
}
