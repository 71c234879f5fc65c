package org.groupchat.registry;

import org.groupchat.protocol.GroupInfo;
import org.groupchat.protocol.GroupStats;

/** A group's registration, alive until {@code expiresAtNanos}; renewed by each heartbeat. */
record Lease(String name, String endpoint, GroupStats stats, long sinceMs, long expiresAtNanos) {

    boolean isLive(long nowNanos) {
        return expiresAtNanos - nowNanos > 0;
    }

    GroupInfo toInfo() {
        return new GroupInfo(name, endpoint, stats.members(), stats.online(), stats.lastSeq(), sinceMs);
    }
}
