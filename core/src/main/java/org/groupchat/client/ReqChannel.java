package org.groupchat.client;

import java.time.Duration;
import org.groupchat.protocol.Endpoint;
import org.groupchat.security.ClientKeys;
import org.groupchat.transport.Contexts;
import org.groupchat.transport.HandshakeWatch;
import org.groupchat.transport.ReqSlot;
import org.groupchat.transport.SocketLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

/**
 * A blocking call over a {@link ReqSlot} with the Lazy Pirate pattern: wait for a reply up to a timeout; on timeout
 * close and reopen the socket and send the same bytes again, a bounded number of times with backoff; then give up.
 * With {@link ClientKeys} the socket speaks CURVE; a server that refuses the handshake on three fresh connections in
 * a row fails the call at once. With {@link ClientOptions#giveUpWhenNothingListens()}, so does an address that refuses
 * our TCP connects before this channel was ever answered (a server once reached is waited for while it restarts).
 * Not thread-safe: one thread creates, uses and closes it.
 */
public final class ReqChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReqChannel.class);
    private static final long MAX_BACKOFF_MS = 2_000;
    private static final int REFUSALS_THAT_MEAN_NO = 3;
    private static final long MAX_REQUEST_BYTES = SocketLimits.DEFAULT.maxFrameBytes();

    private final ZContext context;
    private final boolean ownsContext;
    private final ClientOptions options;
    private final ClientKeys keys;
    private final ReqSlot slot;
    private int refusals;
    private boolean answered;
    private boolean bytesExpected;
    private byte[] replyBytes;

    /** A reply's JSON frame and the binary frame after it (1.5, FILE_GET), or null for none. */
    public record Frames(byte[] json, byte[] bytes) {}

    /**
     * Uses the given context (shared by many channels), or a context of its own when {@code context} is null.
     *
     * @throws IllegalArgumentException when {@code endpoint} is not a {@code tcp://host:port} address; the message says so
     */
    public ReqChannel(ZContext context, String endpoint, ClientOptions options) {
        this(context, endpoint, options, null);
    }

    /** {@code keys} null: plain ZMTP, as protocol.md describes; otherwise CURVE with the server's key. */
    public ReqChannel(ZContext context, String endpoint, ClientOptions options, ClientKeys keys) {
        Endpoint.parse(endpoint);
        this.keys = keys;
        this.ownsContext = context == null;
        this.context = ownsContext ? Contexts.create() : context;
        this.options = options;
        this.slot = new ReqSlot(this.context, endpoint, keys);
    }

    public String endpoint() {
        return slot.endpoint();
    }

    /** The context the channel's sockets live in (its own, or the one it was given). */
    ZContext context() {
        return context;
    }

    /** Sends the request and returns the reply frame, retrying on timeout; {@code extraWait} is added to each timeout. */
    public byte[] call(byte[] request, Duration extraWait) {
        return call(request, null, false, extraWait).json();
    }

    /**
     * A file op (1.5): {@code bytes} (may be null) go in a second request frame, and the reply may carry one binary
     * frame after its JSON.
     */
    public Frames callWithBytes(byte[] request, byte[] bytes, Duration extraWait) {
        if (bytes != null && bytes.length > MAX_REQUEST_BYTES) {
            throw new IllegalArgumentException("a chunk of " + bytes.length + " bytes is over the frame limit");
        }
        return call(request, bytes, true, extraWait);
    }

    private Frames call(byte[] request, byte[] bytes, boolean mayCarryBytes, Duration extraWait) {
        bytesExpected = mayCarryBytes;
        if (request.length > MAX_REQUEST_BYTES) {
            // A server drops a frame over its limit with the connection, so it could never answer.
            throw new IllegalArgumentException("the request is " + request.length + " bytes; servers accept at most "
                    + MAX_REQUEST_BYTES + " bytes in one frame");
        }
        refusals = 0;
        long timeoutMs = options.timeout().plus(extraWait).toMillis();
        long backoffMs = options.initialBackoff().toMillis();
        int attempts = options.retries() + 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            slot.send(request, bytes, timeoutMs, nowMs());
            byte[] reply = awaitReply(request, bytes, timeoutMs);
            if (reply != null) {
                answered = true;
                return new Frames(reply, replyBytes);
            }
            LOG.debug("no reply from {} within {} ms (attempt {} of {})", endpoint(), timeoutMs, attempt, attempts);
            slot.reopen();
            if (attempt < attempts) {
                pause(backoffMs);
                backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
            }
        }
        throw new ServerUnreachableException(endpoint(), attempts);
    }

    /**
     * The reply, or null at the timeout. A refused handshake is tried again on a fresh socket, since a server that is
     * stopping or starting may drop a connection once; refused every time, the call fails at once.
     */
    private byte[] awaitReply(byte[] request, byte[] bytes, long timeoutMs) {
        while (true) {
            checkFrames();
            if (slot.connectionEvents().refused()) {
                slot.reopen();
                if (++refusals >= REFUSALS_THAT_MEAN_NO) {
                    throw new HandshakeRefusedException(
                            endpoint(), HandshakeRefusals.explain("The server", endpoint(), keys));
                }
                slot.send(request, bytes, timeoutMs, nowMs());
                continue;
            }
            if (options.giveUpWhenNothingListens() && !answered && slot.nothingListens()) {
                throw new NothingListensException(endpoint());
            }
            long left = slot.deadline() - nowMs();
            if (left <= 0) {
                return null;
            }
            byte[] reply = slot.receive(Math.min(left, HandshakeWatch.READ_EVERY_MS));
            if (reply != null) {
                replyBytes = bytesExpected ? slot.takeAttachment() : null;
                checkFrames();
                return reply;
            }
        }
    }

    /** A frame over the limit, or more than one, ends the call on a fresh socket. */
    private void checkFrames() {
        try {
            ReplyFrames.check(slot);
        } catch (RuntimeException e) {
            slot.reopen();
            throw e;
        }
    }

    private static long nowMs() {
        return System.nanoTime() / 1_000_000L;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException("(interrupted)", 0);
        }
    }

    @Override
    public void close() {
        slot.close();
        if (ownsContext) {
            context.close();
        }
    }
}
