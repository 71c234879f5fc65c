package org.groupchat.group;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.groupchat.metrics.Metrics;
import org.groupchat.protocol.Endpoint;
import org.groupchat.protocol.GroupRef;
import org.groupchat.protocol.GroupStats;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.ReplyReader;
import org.groupchat.protocol.Request;
import org.groupchat.security.ClientKeys;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.transport.ConnectingSockets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Keeps a group's lease alive: REGISTER on a timer through a DEALER socket owned by the group server's thread, which
 * also reads the registry's replies as it passes.
 * A DEALER never blocks waiting for a reply, and reconnects by itself when the registry comes back.
 */
final class RegistryHeartbeat {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHeartbeat.class);
    private static final long RETRY_NANOS = 100_000_000L;
    private static final long SILENCE_WARNING_NANOS = 10_000_000_000L;
    private static final long READ_INTERVAL_NANOS = 20_000_000L;
    /** The launcher waits this long for the first answer and reports a refusal itself, as its one line. */
    private static final long STARTER_WAIT_NANOS = 2_000_000_000L;

    private static final long REFUSAL_REPEAT_NANOS = 30_000_000_000L;

    private final Endpoint registry;
    private final GroupRef group;
    private final Long epoch;
    private final long intervalNanos;
    private final ZContext context;
    private final ClientKeys linkKeys;
    private ZMQ.Socket dealer;
    private long openedNanos;
    private long nextBeatNanos;
    private long lastReadNanos;
    private long lastReplyNanos = System.nanoTime();
    private final long startNanos = System.nanoTime();
    private final boolean secureLink;
    private boolean everAnswered;
    private boolean warnedSilent;
    private boolean registered;
    private String lastProblem;
    private long lastRefusalLogNanos;
    private long refusals;
    private final CompletableFuture<String> firstAnswer;

    /**
     * {@code registryKey}: the registry's CURVE public key, or null when it runs without security. {@code firstAnswer}
     * is completed with null when the registry first accepts the group, or with its refusal.
     */
    RegistryHeartbeat(
            ZContext context,
            Endpoint registry,
            String registryKey,
            CurveKeyPair ownKeys,
            GroupRef group,
            Long epoch,
            long intervalMs,
            CompletableFuture<String> firstAnswer) {
        this.epoch = epoch;
        this.firstAnswer = firstAnswer;
        this.registry = registry;
        this.group = group;
        this.intervalNanos = intervalMs * 1_000_000L;
        this.secureLink = registryKey != null;
        this.context = context;
        this.linkKeys = registryKey == null ? null : new ClientKeys(registryKey, ownKeys);
        dealer = openDealer();
    }

    private ZMQ.Socket openDealer() {
        ZMQ.Socket socket = context.createSocket(SocketType.DEALER);
        socket.setImmediate(true);
        socket.setSndHWM(4);
        ConnectingSockets.configure(socket);
        if (linkKeys != null) {
            linkKeys.applyTo(socket);
        }
        ConnectingSockets.connect(socket, registry.toString());
        openedNanos = System.nanoTime();
        return socket;
    }

    /**
     * After a cut link comes back, TCP's retransmission back-off (and SYN back-off) leaves the old connection silent
     * for many seconds; a fresh connection once a beat goes unanswered gets the group listed within one beat.
     */
    private void reopenIfUnanswered(long nowNanos) {
        if (nowNanos - Math.max(lastReplyNanos, openedNanos) > intervalNanos + intervalNanos / 4) {
            context.destroySocket(dealer);
            dealer = openDealer();
        }
    }

    long nanosUntilNextBeat(long nowNanos) {
        return nextBeatNanos - nowNanos;
    }

    void beatIfDue(long nowNanos, Supplier<GroupStats> stats) {
        if (nowNanos - nextBeatNanos < 0) {
            return;
        }
        reopenIfUnanswered(nowNanos);
        boolean queued = send(new Request.Register(group, stats.get(), epoch));
        // Not queued means no live connection: try again soon, so a restarted registry hears from us within one beat.
        nextBeatNanos = nowNanos + (queued ? intervalNanos : RETRY_NANOS);
        if (!everAnswered && !warnedSilent && nowNanos - startNanos > SILENCE_WARNING_NANOS) {
            warnedSilent = true;
            LOG.warn(
                    "group \"{}\": the registry at {} has not answered for 10 s; still trying. {}",
                    group.name(),
                    registry,
                    secureLink
                            ? "Is it running with --secure, and is --registry-key its key?"
                            : "Is it running? If it runs with --secure, give its key with --registry-key.");
        }
        if (registered && nowNanos - lastReplyNanos > 3 * intervalNanos) {
            registered = false;
            LOG.warn("group \"{}\": no reply from the registry at {}; still trying", group.name(), registry);
        }
    }

    /** Reads the replies that have come, without waiting; at most every 20 ms, as the group's loop passes far more often. */
    void readReplies(long nowNanos) {
        if (nowNanos - lastReadNanos < READ_INTERVAL_NANOS) {
            return;
        }
        lastReadNanos = nowNanos;
        byte[] frame;
        while ((frame = dealer.recv(ZMQ.DONTWAIT)) != null) {
            if (frame.length > 0) {
                onReply(frame);
            }
        }
    }

    private void onReply(byte[] frame) {
        lastReplyNanos = System.nanoTime();
        everAnswered = true;
        Reply reply;
        try {
            reply = ReplyReader.read(frame, Reply.Registered.class);
        } catch (ReplyReader.Malformed e) {
            LOG.warn(
                    "group \"{}\": the registry at {} broke the protocol: its reply {}",
                    group.name(),
                    registry,
                    e.getMessage());
            return;
        }
        if (reply instanceof Reply.Failure failure) {
            refused(failure.error().code() + ": " + failure.error().message());
            return;
        }
        lastProblem = null;
        if (!registered) {
            registered = true;
            firstAnswer.complete(null);
            LOG.info("group \"{}\" registered with the registry at {} as {}", group.name(), registry, group.endpoint());
        }
    }

    private void refused(String problem) {
        registered = false;
        boolean starterSaysIt = firstAnswer.complete("the registry at " + registry + " refused it: " + problem)
                && lastReplyNanos - startNanos < STARTER_WAIT_NANOS;
        refusals++;
        Metrics.REGISTRY_REFUSALS.labelValues(group.name()).inc();
        if (!starterSaysIt
                && (!problem.equals(lastProblem) || lastReplyNanos - lastRefusalLogNanos > REFUSAL_REPEAT_NANOS)) {
            LOG.error(
                    "group \"{}\" is NOT listed: the registry at {} refused it: {} (refused {} times; still trying)",
                    group.name(),
                    registry,
                    problem,
                    refusals);
            lastRefusalLogNanos = lastReplyNanos;
        }
        lastProblem = problem;
    }

    boolean isRegistered() {
        return registered;
    }

    /**
     * If registered, sends UNREGISTER for our endpoint and waits up to {@code timeoutMs} for the registry to confirm.
     * On a fresh connection, so the first reply is UNREGISTER's and not a late heartbeat's.
     */
    void unregister(long timeoutMs) {
        if (!registered) {
            return;
        }
        context.destroySocket(dealer);
        dealer = openDealer();
        if (!send(new Request.Unregister(group.name(), group.endpoint()))) {
            return;
        }
        dealer.setReceiveTimeOut((int) timeoutMs);
        byte[] frame = dealer.recv();
        while (frame != null && frame.length == 0) {
            frame = dealer.recv();
        }
        if (frame == null) {
            return;
        }
        try {
            if (ReplyReader.read(frame, Reply.Done.class) instanceof Reply.Failure failure) {
                LOG.warn(
                        "group \"{}\": the registry at {} refused to unregister it: {}",
                        group.name(),
                        registry,
                        failure.error().message());
            } else {
                LOG.info("group \"{}\" unregistered from the registry at {}", group.name(), registry);
            }
        } catch (ReplyReader.Malformed e) {
            LOG.warn(
                    "group \"{}\": the registry at {} broke the protocol: its reply {}",
                    group.name(),
                    registry,
                    e.getMessage());
        }
    }

    private boolean send(Request request) {
        return dealer.send(new byte[0], ZMQ.SNDMORE | ZMQ.DONTWAIT) && dealer.send(Json.write(request), ZMQ.DONTWAIT);
    }
}
