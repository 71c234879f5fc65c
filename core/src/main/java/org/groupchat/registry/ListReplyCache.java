package org.groupchat.registry;

import java.util.List;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Reply;

/**
 * The encoded LIST reply, kept until a lease is added, removed or changes what LIST shows, or the first listed
 * lease runs out: heartbeats that change nothing renew leases without a new encoding of every group.
 */
final class ListReplyCache {
    private static final long LONGEST_REUSE_NANOS = 1_000_000_000L;

    private byte[] encoded;
    private long listedVersion;
    private long validUntilNanos;

    byte[] reply(LeaseTable leases, long nowNanos) {
        if (encoded == null || listedVersion != leases.version() || nowNanos - validUntilNanos >= 0) {
            List<Lease> live = leases.liveSortedByName(nowNanos);
            encoded = Json.write(
                    new Reply.GroupList(live.stream().map(Lease::toInfo).toList()));
            listedVersion = leases.version();
            validUntilNanos = nowNanos + LONGEST_REUSE_NANOS;
            for (Lease lease : live) {
                if (lease.expiresAtNanos() - validUntilNanos < 0) {
                    validUntilNanos = lease.expiresAtNanos();
                }
            }
        }
        return encoded;
    }
}
