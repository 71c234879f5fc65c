package org.groupchat.registry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.groupchat.protocol.GroupStats;

/** The registry's leases by group name (names compare case-insensitively); used by the registry thread only. */
final class LeaseTable {
    // Kept in name order, because sorting every lease on every LIST was 44% of the registry's time with 1,000 groups.
    private final Map<String, Lease> byKey = new TreeMap<>();
    private long version;

    Optional<Lease> live(String name, long nowNanos) {
        Lease lease = byKey.get(key(name));
        return lease != null && lease.isLive(nowNanos) ? Optional.of(lease) : Optional.empty();
    }

    /** Renews or creates the lease; {@code sinceMs} stays while the same server keeps it alive. */
    Lease renew(
            String name,
            String endpoint,
            String publicKey,
            String ownerKey,
            GroupStats stats,
            Long epoch,
            long nowMs,
            long nowNanos,
            long leaseMs) {
        Lease old = live(name, nowNanos).orElse(null);
        long since = old != null && old.isHeldBy(endpoint, publicKey) ? old.sinceMs() : nowMs;
        Lease lease =
                new Lease(name, endpoint, publicKey, ownerKey, stats, since, nowNanos + leaseMs * 1_000_000L, epoch);
        byKey.put(key(name), lease);
        if (old == null || !old.toInfo().equals(lease.toInfo())) {
            version++;
        }
        return lease;
    }

    boolean remove(String name) {
        boolean removed = byKey.remove(key(name)) != null;
        if (removed) {
            version++;
        }
        return removed;
    }

    List<Lease> liveSortedByName(long nowNanos) {
        return byKey.values().stream().filter(lease -> lease.isLive(nowNanos)).toList();
    }

    /** Drops the leases that ran out and returns them, so the log can name each group. */
    List<Lease> expire(long nowNanos) {
        List<Lease> expired =
                byKey.values().stream().filter(lease -> !lease.isLive(nowNanos)).toList();
        if (!expired.isEmpty()) {
            expired.forEach(lease -> byKey.remove(key(lease.name())));
            version++;
        }
        return expired;
    }

    /** Changes whenever a lease is added or removed or what LIST shows of one changes; not on a renewal alone. */
    long version() {
        return version;
    }

    int size() {
        return byKey.size();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
