package org.groupchat.group;

import java.util.function.Supplier;
import org.groupchat.metrics.LiveFigures;

/** A group's figures for a metrics scrape: taken about once a second on the group's thread, read by the scraper's. */
final class GroupFigures implements LiveFigures.Source {
    private static final long EVERY_NANOS = 1_000_000_000L;
    private volatile LiveFigures.Group latest;
    private long takenNanos;

    void publishIfDue(long nowNanos, Supplier<LiveFigures.Group> take) {
        if (latest != null && nowNanos - takenNanos < EVERY_NANOS) {
            return;
        }
        takenNanos = nowNanos;
        latest = take.get();
    }

    @Override
    public LiveFigures.Group figures() {
        return latest;
    }
}
