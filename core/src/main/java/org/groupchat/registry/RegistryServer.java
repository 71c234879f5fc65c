package org.groupchat.registry;

import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.groupchat.metrics.LiveFigures;
import org.groupchat.metrics.Metrics;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.GroupRef;
import org.groupchat.protocol.GroupStats;
import org.groupchat.protocol.Ops;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.ProtocolVersion;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.security.PublicKeys;
import org.groupchat.server.Inbound;
import org.groupchat.server.RouterServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

/** The registry ("message server"): group servers hold leases here, users LIST the live groups. */
public final class RegistryServer extends RouterServer {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryServer.class);
    private static final long EXPIRY_SWEEP_NANOS = 250_000_000L;

    private final RegistryConfig config;
    private final LeaseTable leases = new LeaseTable();
    private volatile int leaseCount;
    private final IntSupplier leaseFigure = () -> leaseCount;
    private final ListReplyCache listReply = new ListReplyCache();
    private long nextSweepNanos;

    public RegistryServer(RegistryConfig config) {
        super("registry-" + config.bind().port(), config.bind(), config.socketLimits(), config.security());
        this.config = config;
    }

    @Override
    protected void handleBatch(List<Inbound> batch) {
        for (Inbound inbound : batch) {
            Request request = decode(inbound);
            if (request instanceof Request.ListGroups) {
                replyEncoded(inbound.route(), listReply.reply(leases, System.nanoTime()));
            } else if (request != null) {
                reply(inbound, answerSafely(request, inbound.peerKey()));
            }
        }
    }

    @Override
    protected Reply answer(Request request, String peerKey) throws ProtocolException {
        if (request instanceof Request.Ping) {
            return new Reply.Pong(
                    "registry", ProtocolVersion.SOFTWARE, ProtocolVersion.PROTOCOL, ProtocolVersion.REGISTRY_FEATURES);
        } else if (request instanceof Request.Register register) {
            return register(register, peerKey);
        } else if (request instanceof Request.Unregister unregister) {
            String name = Fields.name(unregister.name(), "name");
            String endpoint = unregister.endpoint() == null
                    ? null
                    : Fields.connectableEndpoint(unregister.endpoint(), "endpoint");
            Optional<Lease> lease = leases.live(name, System.nanoTime());
            if (lease.isPresent()
                    && lease.get().ownerKey() != null
                    && !lease.get().ownerKey().equals(peerKey)) {
                throw new ProtocolException(
                        ErrorCode.UNAUTHORIZED,
                        "only the group server that registered \"" + name + "\" may unregister it");
            }
            if (lease.isPresent() && (endpoint == null || lease.get().endpoint().equals(endpoint))) {
                leases.remove(name);
                LOG.info("group \"{}\" unregistered", name);
            }
            return new Reply.Done();
        } else if (request instanceof Request.Lookup lookup) {
            String name = Fields.name(lookup.name(), "name");
            return leases.live(name, System.nanoTime())
                    .map(lease -> new Reply.GroupFound(lease.toInfo()))
                    .orElseThrow(() ->
                            new ProtocolException(ErrorCode.UNKNOWN_GROUP, "no live group is named \"" + name + "\""));
        }
        throw new ProtocolException(
                ErrorCode.BAD_REQUEST,
                "the registry does not answer " + Ops.of(request) + "; send it to a group server");
    }

    private Reply register(Request.Register register, String peerKey) throws ProtocolException {
        GroupRef group = register.group();
        if (group == null) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "\"group\" is required");
        }
        String name = Fields.name(group.name(), "group.name");
        String endpoint = Fields.connectableEndpoint(group.endpoint(), "group.endpoint");
        String publicKey = validPublicKey(group.publicKey());
        authorize(publicKey, peerKey);
        GroupStats stats = validStats(register.stats());
        long nowNanos = System.nanoTime();
        Long epoch = validEpoch(register.epoch());
        Optional<Lease> holder = leases.live(name, nowNanos);
        if (holder.isPresent() && holder.get().isNewerThan(epoch)) {
            throw new ProtocolException(
                    ErrorCode.NAME_TAKEN,
                    "the group \"" + holder.get().name() + "\" has moved to "
                            + holder.get().endpoint() + " (epoch "
                            + holder.get().epoch() + ", newer than " + epoch + ")");
        }
        boolean takesOver = holder.isPresent() && holder.get().isOlderThan(epoch);
        if (holder.isPresent() && !takesOver && !holder.get().isHeldBy(endpoint, publicKey)) {
            throw new ProtocolException(
                    ErrorCode.NAME_TAKEN,
                    "the name \"" + holder.get().name() + "\" is held by the group at "
                            + holder.get().endpoint());
        }
        if (takesOver) {
            LOG.info(
                    "group \"{}\" moved from {} to {} (epoch {})",
                    name,
                    holder.get().endpoint(),
                    endpoint,
                    epoch);
        }
        if (holder.isEmpty() && leases.size() >= config.maxGroups()) {
            leases.expire(nowNanos);
            if (leases.size() >= config.maxGroups()) {
                throw new ProtocolException(
                        ErrorCode.TOO_LARGE,
                        "the registry is full: it holds at most " + config.maxGroups() + " groups");
            }
        }
        leases.renew(
                name,
                endpoint,
                publicKey,
                peerKey,
                stats,
                epoch,
                System.currentTimeMillis(),
                nowNanos,
                config.leaseMs());
        if (holder.isEmpty()) {
            LOG.info("group \"{}\" registered at {}", name, endpoint);
        }
        return new Reply.Registered(config.leaseMs());
    }

    private static String validPublicKey(String key) throws ProtocolException {
        if (key != null && !PublicKeys.isValid(key)) {
            throw new ProtocolException(
                    ErrorCode.BAD_REQUEST, "\"group.publicKey\" must be a CURVE public key: 40 Z85 characters");
        }
        return key;
    }

    /** With security on, only listed group servers register, and a group can only announce the key it holds. */
    private void authorize(String publicKey, String peerKey) throws ProtocolException {
        if (security() == null) {
            return;
        }
        if (!security().allows(peerKey)) {
            Metrics.HANDSHAKE_REFUSALS
                    .labelValues(Metrics.REFUSED_KEY_NOT_ALLOWED)
                    .inc();
            throw new ProtocolException(
                    ErrorCode.UNAUTHORIZED,
                    "this registry lists only the group servers it trusts;"
                            + " the key of this connection (fingerprint " + PublicKeys.fingerprint(peerKey)
                            + ") is not one of them");
        }
        if (publicKey == null) {
            throw new ProtocolException(
                    ErrorCode.UNAUTHORIZED,
                    "this registry runs CURVE and lists only groups that run"
                            + " CURVE too; start the group server with --secure");
        }
        if (!publicKey.equals(peerKey)) {
            throw new ProtocolException(
                    ErrorCode.UNAUTHORIZED, "\"group.publicKey\" must be the key this connection authenticated with");
        }
    }

    private static Long validEpoch(Long epoch) throws ProtocolException {
        if (epoch != null && epoch < 1) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "\"epoch\" must be a positive integer");
        }
        return epoch;
    }

    private static GroupStats validStats(GroupStats stats) throws ProtocolException {
        if (stats == null) {
            return GroupStats.EMPTY;
        }
        if (stats.members() < 0 || stats.online() < 0 || stats.lastSeq() < 0) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "\"stats\" figures must not be negative");
        }
        return stats;
    }

    @Override
    protected long millisUntilNextTimer() {
        return Math.max(0, (nextSweepNanos - System.nanoTime()) / 1_000_000L);
    }

    @Override
    protected void onStart(ZContext context) {
        LiveFigures.addRegistry(leaseFigure);
    }

    @Override
    protected void onStop() {
        LiveFigures.removeRegistry(leaseFigure);
    }

    @Override
    protected void onTimer() {
        leaseCount = leases.size();
        long now = System.nanoTime();
        if (now - nextSweepNanos >= 0) {
            for (Lease expired : leases.expire(now)) {
                LOG.info(
                        "lease of group \"{}\" at {} expired: no heartbeat for {} ms",
                        expired.name(),
                        expired.endpoint(),
                        config.leaseMs());
            }
            nextSweepNanos = now + EXPIRY_SWEEP_NANOS;
        }
    }
}
