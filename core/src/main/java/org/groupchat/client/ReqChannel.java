package org.groupchat.client;

import org.groupchat.transport.OversizedFrames;

import org.groupchat.transport.HandshakeWatch;

import org.groupchat.transport.ConnectingSockets;

import java.time.Duration;
import org.groupchat.protocol.Endpoint;
import org.groupchat.security.ClientKeys;
import org.groupchat.transport.SocketLimits;
import org.groupchat.transport.Contexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A REQ socket with the Lazy Pirate pattern: wait for a reply up to a timeout; on timeout close and reopen
 * the socket and send the same bytes again, a bounded number of times with backoff; then give up.
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
    private final String endpoint;
    private final ClientOptions options;
    private final ClientKeys keys;
    private ZMQ.Socket socket;
    private ZMQ.Poller poller;
    private HandshakeWatch handshakes;
    private OversizedFrames oversized;
    private int refusals;
    private boolean answered;

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
        this.endpoint = endpoint;
        this.options = options;
        open();
    }

    public String endpoint() {
        return endpoint;
    }

    /** Sends the request and returns the reply frame, retrying on timeout; {@code extraWait} is added to each timeout. */
    public byte[] call(byte[] request, Duration extraWait) {
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
            // A socket whose only connection was refused has no peer: a blocking send would wait for ever.
            socket.send(request, ZMQ.DONTWAIT);
            byte[] reply = awaitReply(request, timeoutMs);
            if (reply != null) {
                handshakes.reset();
                answered = true;
                return reply;
            }
            LOG.debug("no reply from {} within {} ms (attempt {} of {})", endpoint, timeoutMs, attempt, attempts);
            reopen();
            if (attempt < attempts) {
                pause(backoffMs);
                backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
            }
        }
        throw new ServerUnreachableException(endpoint, attempts);
    }

    /**
     * The reply, or null at the timeout. A connection dropped at once is tried again on a fresh socket, since a
     * server that is stopping or starting may do that once; dropped every time, the call fails at once.
     */
    private byte[] awaitReply(byte[] request, long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            tooLargeIfSeen();
            if (handshakes.refused()) {
                reopen();
                if (++refusals >= REFUSALS_THAT_MEAN_NO) {
                    throw new HandshakeRefusedException(endpoint, refusal());
                }
                socket.send(request, ZMQ.DONTWAIT);
                continue;
            }
            if (options.giveUpWhenNothingListens() && !answered && handshakes.nothingListens()) {
                throw new NothingListensException(endpoint);
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            if (poller.poll(Math.min(left, HandshakeWatch.READ_EVERY_MS)) > 0 && poller.pollin(0)) {
                byte[] reply = socket.recv(ZMQ.DONTWAIT);
                if (reply != null) {
                    tooLargeIfSeen();
                    if (socket.hasReceiveMore()) {
                        reopen();
                        throw new ProtocolViolationException(endpoint, null, "is more than one frame");
                    }
                    return reply;
                }
            }
        }
    }

    /** A frame over the limit ends the call: the server will send the same reply again. */
    private void tooLargeIfSeen() {
        long bytes = oversized.take();
        if (bytes >= 0) {
            reopen();
            throw new ReplyTooLargeException(endpoint, bytes);
        }
    }

    private String refusal() {
        if (keys == null) {
            return "the server at " + endpoint + " refused our handshake: it probably runs with security (CURVE);"
                    + " connect with its public key";
        }
        return "the server at " + endpoint + " refused our secure handshake: it does not hold the key we expect"
                + " (fingerprint " + keys.serverFingerprint() + "), or it runs without security";
    }

    private void open() {
        socket = context.createSocket(SocketType.REQ);
        oversized = ConnectingSockets.configure(socket);
        if (keys != null) {
            keys.applyTo(socket);
        }
        handshakes = new HandshakeWatch(context, socket);
        ConnectingSockets.connect(socket, endpoint);
        poller = context.createPoller(1);
        poller.register(socket, ZMQ.Poller.POLLIN);
    }

    private void reopen() {
        closeSocket();
        open();
    }

    private void closeSocket() {
        poller.close();
        handshakes.close();
        context.destroySocket(socket);
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
        closeSocket();
        if (ownsContext) {
            context.close();
        }
    }
}
