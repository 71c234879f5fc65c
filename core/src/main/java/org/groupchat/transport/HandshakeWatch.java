package org.groupchat.transport;

import java.util.concurrent.atomic.AtomicLong;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Watches a connecting socket's connections: a server that accepts TCP and drops us before our handshake limit
 * (1 s) may be refusing our handshake (a CURVE key it does not match, or security on one side only). A stalled
 * handshake, JeroMQ's rare fault, drops only at that limit; a server that is stopping drops us once.
 * Used by the thread that owns the watched socket; read it at least every {@link #READ_EVERY_MS}.
 */
public final class HandshakeWatch implements AutoCloseable {
    private static final AtomicLong NEXT_ID = new AtomicLong();
    private static final int EVENTS = ZMQ.EVENT_CONNECTED | ZMQ.EVENT_DISCONNECTED | ZMQ.HANDSHAKE_FAILED_PROTOCOL
            | ZMQ.HANDSHAKE_FAILED_NO_DETAIL | ZMQ.HANDSHAKE_FAILED_AUTH | ZMQ.EVENT_CONNECT_RETRIED;
    /** Refused TCP connects in a row (about 0.3 s at the reconnect interval of 100 ms, doubling) that mean nobody listens. */
    private static final int REFUSED_CONNECTS_THAT_MEAN_NOBODY = 3;
    public static final long READ_EVERY_MS = 100;
    private static final long QUICK_DROP_NANOS = (ConnectingSockets.HANDSHAKE_MS - READ_EVERY_MS) * 1_000_000L;

    private final ZContext context;
    private final ZMQ.Socket watched;
    private final ZMQ.Socket events;
    private long connectedAtNanos;
    private boolean connected;
    private boolean everConnected;
    private int refusedConnects;
    private boolean droppedAtOnce;

    /** Call before {@code socket} connects, so its first connection is seen. */
    public HandshakeWatch(ZContext context, ZMQ.Socket socket) {
        this.context = context;
        this.watched = socket;
        String address = "inproc://handshake-watch-" + NEXT_ID.incrementAndGet();
        socket.monitor(address, EVENTS);
        events = context.createSocket(SocketType.PAIR);
        events.connect(address);
    }

    /** Forgets what was seen; call when a new request is sent. */
    public void reset() {
        read();
        droppedAtOnce = false;
    }

    /** True when, since the last reset, the server took a connection of ours and dropped it before a handshake limit. */
    public boolean refused() {
        read();
        return droppedAtOnce;
    }

    /** True when this socket never connected and its last few TCP connects were refused: nothing listens there. */
    public boolean nothingListens() {
        read();
        return !everConnected && refusedConnects >= REFUSED_CONNECTS_THAT_MEAN_NOBODY;
    }

    private void read() {
        ZMQ.Event event;
        while ((event = ZMQ.Event.recv(events, ZMQ.DONTWAIT)) != null) {
            long now = System.nanoTime();
            if (event.getEvent() == ZMQ.EVENT_CONNECTED) {
                connected = true;
                everConnected = true;
                connectedAtNanos = now;
            } else if (event.getEvent() == ZMQ.EVENT_CONNECT_RETRIED) {
                // a connect failed (refused); after a connection, it is a dropped one being redialled
                if (!everConnected) {
                    refusedConnects++;
                }
            } else if (connected) {
                connected = false;
                droppedAtOnce |= now - connectedAtNanos < QUICK_DROP_NANOS;
            }
        }
    }

    /** Call before closing the watched socket. */
    @Override
    public void close() {
        // JeroMQ's I/O thread writes events with a blocking send: with no reader left it would hang the whole context.
        watched.monitor(null, 0);
        context.destroySocket(events);
    }
}
