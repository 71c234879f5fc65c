package org.groupchat.registry;

import java.util.Objects;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.protocol.GroupStats;

/**
 * A group's registration, alive until {@code expiresAtNanos}; renewed by each heartbeat. {@code publicKey} is the
 * group's CURVE key as it registered it; {@code ownerKey} the key its connection to a secure registry authenticated
 * with (null when the registry runs without security). {@code epoch}: the server's turn as it registered it, or null.
 */
record Lease(
        String name,
        String endpoint,
        String publicKey,
        String ownerKey,
        GroupStats stats,
        long sinceMs,
        long expiresAtNanos,
        Long epoch) {

    /** Whether a registration with {@code otherEpoch} comes from a later turn of the group than this lease's. */
    boolean isOlderThan(Long otherEpoch) {
        return epoch != null && otherEpoch != null && otherEpoch > epoch;
    }

    /** Whether a registration with {@code otherEpoch} comes from an earlier turn than this lease's. */
    boolean isNewerThan(Long otherEpoch) {
        return epoch != null && otherEpoch != null && otherEpoch < epoch;
    }

    boolean isLive(long nowNanos) {
        return expiresAtNanos - nowNanos > 0;
    }

    /** True when a registration at this endpoint with this key is the same server renewing its lease. */
    boolean isHeldBy(String otherEndpoint, String otherPublicKey) {
        return endpoint.equals(otherEndpoint) && Objects.equals(publicKey, otherPublicKey);
    }

    GroupInfo toInfo() {
        return new GroupInfo(name, endpoint, stats.members(), stats.online(), stats.lastSeq(), sinceMs, publicKey);
    }
}
