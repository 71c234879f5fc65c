package org.groupchat.group;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.groupchat.metrics.LiveFigures;
import org.groupchat.protocol.GroupStats;

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

    static LiveFigures.Group of(
            String name, GroupStats stats, LongPollQueue polls, RegistryHeartbeats heartbeats, MessageStore store) {
        Path file = store instanceof SqliteMessageStore sqlite ? sqlite.file() : null;
        return new LiveFigures.Group(name, stats.members(), stats.online(), polls.size(), heartbeats.listed(), file);
    }
}
