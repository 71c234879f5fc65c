package org.groupchat.desktop.session;

import java.util.concurrent.atomic.AtomicInteger;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Watches one connecting socket through a socket monitor: a dropped connection, and a refused handshake (another
 * CURVE key, or security on one side only). A refusal looks like a connection dropped soon after it was made that
 * JeroMQ does not retry; a server that merely went away is retried at once. Used by the thread that owns the socket.
 */
final class ConnectionWatch implements AutoCloseable {
    /** What the monitor reported since the last read. */
    record Seen(boolean dropped, boolean refused) {}

    private static final AtomicInteger MONITORS = new AtomicInteger();
    private static final long QUICK_DROP_NANOS = 500_000_000L;
    private static final long NO_RETRY_NANOS = 150_000_000L;
    private static final int EVENTS = ZMQ.EVENT_CONNECTED | ZMQ.EVENT_DISCONNECTED | ZMQ.EVENT_CONNECT_RETRIED;

    private final ZContext context;
    private final ZMQ.Socket watched;
    private final ZMQ.Socket events;
    private boolean connected;
    private long connectedAtNanos;
    private long quickDropAtNanos = -1;

    /** Call before {@code socket} connects, so its first connection is seen. */
    ConnectionWatch(ZContext context, ZMQ.Socket socket) {
        this.context = context;
        this.watched = socket;
        String address = "inproc://connection-watch-" + MONITORS.incrementAndGet();
        socket.monitor(address, EVENTS);
        events = context.createSocket(SocketType.PAIR);
        events.connect(address);
    }

    ZMQ.Socket eventSocket() {
        return events;
    }

    /** Reads the monitor; a refusal is reported once, when no retry followed a quick drop. */
    Seen read() {
        boolean dropped = false;
        long now = System.nanoTime();
        for (ZMQ.Event event; (event = ZMQ.Event.recv(events, ZMQ.DONTWAIT)) != null; ) {
            now = System.nanoTime();
            switch (event.getEvent()) {
                case ZMQ.EVENT_CONNECTED -> {
                    connected = true;
                    connectedAtNanos = now;
                }
                case ZMQ.EVENT_DISCONNECTED -> {
                    dropped = true;
                    if (connected && now - connectedAtNanos < QUICK_DROP_NANOS) {
                        quickDropAtNanos = now;
                    }
                    connected = false;
                }
                default -> quickDropAtNanos = -1;
            }
        }
        boolean refused = quickDropAtNanos >= 0 && now - quickDropAtNanos >= NO_RETRY_NANOS;
        if (refused) {
            quickDropAtNanos = -1;
        }
        return new Seen(dropped, refused);
    }

    /** True while a quick drop waits to be told apart from a refusal. */
    boolean undecided() {
        return quickDropAtNanos >= 0;
    }

    @Override
    public void close() {
        watched.monitor(null, 0);
        context.destroySocket(events);
    }
}
