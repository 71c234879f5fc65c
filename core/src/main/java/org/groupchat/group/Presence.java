package org.groupchat.group;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who is online: a member who made a request in the last 15 seconds, or is waiting in a long poll.
 * Only members are recorded, and LEAVE forgets them.
 */
final class Presence {
    static final long ONLINE_WINDOW_NANOS = 15_000_000_000L;

    private final Map<String, Long> lastSeenNanos = new HashMap<>();

    void seen(String userId, long nowNanos) {
        lastSeenNanos.put(userId, nowNanos);
    }

    void forget(String userId) {
        lastSeenNanos.remove(userId);
    }

    boolean isOnline(String userId, long nowNanos, Set<String> waiting) {
        Long seen = lastSeenNanos.get(userId);
        return (seen != null && nowNanos - seen < ONLINE_WINDOW_NANOS) || waiting.contains(userId);
    }

    /** Counts online members and drops entries too old to matter. */
    int onlineCount(long nowNanos, Set<String> waiting, Predicate<String> listed) {
        lastSeenNanos.values().removeIf(seen -> nowNanos - seen >= ONLINE_WINDOW_NANOS);
        Set<String> online = new HashSet<>(lastSeenNanos.keySet());
        online.addAll(waiting);
        online.removeIf(listed.negate());
        return online.size();
    }
}
