package org.groupchat.security;

import java.util.concurrent.atomic.AtomicInteger;
import org.groupchat.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Counts the CURVE handshakes a secure socket failed inside ZeroMQ, before the ZAP handler is asked: a client that
 * holds another server key than ours (its HELLO does not open) or sends a broken handshake. Reads the socket's
 * monitor on a thread of its own, so the server thread never waits on it.
 */
public final class HandshakeFailures implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HandshakeFailures.class);
    private static final AtomicInteger NEXT_ID = new AtomicInteger();
    private static final int STOP_CHECK_MS = 100;
    private static final int EVENTS =
            zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL | zmq.ZMQ.ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL;

    private final ZContext context;
    private final String endpoint;
    private final Thread thread;
    private volatile boolean running = true;

    private HandshakeFailures(ZContext context, String endpoint, String threadName) {
        this.context = context;
        this.endpoint = endpoint;
        this.thread = new Thread(this::watch, threadName);
    }

    /** Call on the thread that owns {@code secureSocket}, before it binds. */
    public static HandshakeFailures watch(ZContext context, ZMQ.Socket secureSocket, String threadName) {
        String endpoint = "inproc://handshake-failures-" + NEXT_ID.incrementAndGet();
        secureSocket.monitor(endpoint, EVENTS);
        HandshakeFailures failures = new HandshakeFailures(context, endpoint, threadName);
        failures.thread.setDaemon(true);
        failures.thread.start();
        return failures;
    }

    private void watch() {
        ZMQ.Socket monitor = context.createSocket(SocketType.PAIR);
        try {
            monitor.setReceiveTimeOut(STOP_CHECK_MS);
            monitor.connect(endpoint);
            while (running) {
                ZMQ.Event event = ZMQ.Event.recv(monitor);
                if (event != null && (event.getEvent() & EVENTS) != 0) {
                    LOG.warn(
                            "refused a CURVE handshake from {}: it does not hold this server's public key, or its"
                                    + " handshake is broken",
                            event.getAddress());
                    Metrics.HANDSHAKE_REFUSALS
                            .labelValues(Metrics.REFUSED_BAD_HANDSHAKE)
                            .inc();
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.warn("stopped counting failed handshakes", e);
            }
        } finally {
            context.destroySocket(monitor);
        }
    }

    /** Stops watching; call before closing the context. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
