package org.groupchat.registry;

import java.util.Objects;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.protocol.GroupStats;

/**
 * A group's registration, alive until {@code expiresAtNanos}; renewed by each heartbeat. {@code publicKey} is the
 * group's CURVE key as it registered it; {@code ownerKey} the key its connection to a secure registry authenticated
 * with (null when the registry runs without security).
 */
record Lease(String name, String endpoint, String publicKey, String ownerKey, GroupStats stats, long sinceMs,
        long expiresAtNanos) {

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
