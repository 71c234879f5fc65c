package org.groupchat.client;

import java.time.Duration;
import org.groupchat.protocol.Endpoint;
import org.groupchat.transport.Contexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A REQ socket with the Lazy Pirate pattern: wait for a reply up to a timeout; on timeout close and reopen
 * the socket and send the same bytes again, a bounded number of times with backoff; then give up.
 * Not thread-safe: one thread creates, uses and closes it.
 */
public final class ReqChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReqChannel.class);
    private static final long MAX_BACKOFF_MS = 2_000;

    private final ZContext context;
    private final boolean ownsContext;
    private final String endpoint;
    private final ClientOptions options;
    private ZMQ.Socket socket;
    private ZMQ.Poller poller;

    /**
     * Uses the given context (shared by many channels), or a context of its own when {@code context} is null.
     *
     * @throws IllegalArgumentException when {@code endpoint} is not a {@code tcp://host:port} address; the message says so
     */
    public ReqChannel(ZContext context, String endpoint, ClientOptions options) {
        Endpoint.parse(endpoint);
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
        long timeoutMs = options.timeout().plus(extraWait).toMillis();
        long backoffMs = options.initialBackoff().toMillis();
        int attempts = options.retries() + 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            socket.send(request);
            if (poller.poll(timeoutMs) > 0 && poller.pollin(0)) {
                byte[] reply = socket.recv();
                if (reply != null) {
                    return reply;
                }
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

    private void open() {
        socket = context.createSocket(SocketType.REQ);
        ConnectingSockets.configure(socket);
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
