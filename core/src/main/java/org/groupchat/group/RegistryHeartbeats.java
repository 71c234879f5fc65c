package org.groupchat.group;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.groupchat.protocol.Endpoint;
import org.groupchat.protocol.GroupRef;
import org.groupchat.protocol.GroupStats;
import org.groupchat.security.CurveKeyPair;
import org.zeromq.ZContext;

/** A group's heartbeats, one to each registry it is listed in; used by the group's server thread only. */
final class RegistryHeartbeats {
    private final List<RegistryHeartbeat> beats = new ArrayList<>();

    /** {@code firstAnswer} completes with the first registry's first answer (see {@link GroupServer#registration}). */
    void start(
            ZContext context,
            GroupServerConfig config,
            GroupRef self,
            Supplier<CurveKeyPair> linkKeys,
            CompletableFuture<String> firstAnswer) {
        for (Endpoint registry : config.registries()) {
            beats.add(new RegistryHeartbeat(
                    context,
                    registry,
                    config.registryKey(),
                    config.registryKey() == null ? null : linkKeys.get(),
                    self,
                    config.epoch(),
                    config.heartbeatMs(),
                    firstAnswer));
        }
    }

    long nanosUntilNextBeat(long now) {
        long nanos = Long.MAX_VALUE;
        for (RegistryHeartbeat beat : beats) {
            nanos = Math.min(nanos, beat.nanosUntilNextBeat(now));
        }
        return nanos;
    }

    void beatIfDue(long now, Supplier<GroupStats> stats) {
        for (RegistryHeartbeat beat : beats) {
            beat.readReplies(now);
            beat.beatIfDue(now, stats);
        }
    }

    /** Listed by at least one registry. */
    boolean listed() {
        return beats.stream().anyMatch(RegistryHeartbeat::isRegistered);
    }

    void unregister(long waitMs) {
        beats.forEach(beat -> beat.unregister(waitMs));
    }
}
