package org.groupchat.transport;

import java.util.concurrent.atomic.AtomicLong;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Watches a connecting socket's connections through a socket monitor. A server that takes our TCP connection and
 * drops it before our handshake limit without JeroMQ redialling it refused our handshake (a CURVE key it does not
 * match, or security on one side only); a server that merely went away is redialled at once, and a stalled handshake,
 * JeroMQ's rare fault, drops only at the limit. Used by the thread that owns the watched socket; read it at least
 * every {@link #READ_EVERY_MS}, and again soon while {@link #undecided()}.
 */
public final class HandshakeWatch implements AutoCloseable {
    /** What the monitor reported since the last read; a refusal is reported once. */
    public record Seen(boolean dropped, boolean refused) {}

    public static final long READ_EVERY_MS = 100;
    private static final AtomicLong NEXT_ID = new AtomicLong();
    private static final int EVENTS = ZMQ.EVENT_CONNECTED
            | ZMQ.EVENT_DISCONNECTED
            | ZMQ.HANDSHAKE_FAILED_PROTOCOL
            | ZMQ.HANDSHAKE_FAILED_NO_DETAIL
            | ZMQ.HANDSHAKE_FAILED_AUTH
            | ZMQ.EVENT_CONNECT_RETRIED;
    /** Refused TCP connects in a row (about 0.3 s at the reconnect interval of 100 ms, doubling) that mean nobody listens. */
    private static final int REFUSED_CONNECTS_THAT_MEAN_NOBODY = 3;

    private static final long QUICK_DROP_NANOS = (ConnectingSockets.HANDSHAKE_MS - READ_EVERY_MS) * 1_000_000L;
    /** JeroMQ schedules the redial of a dropped connection at once; none within this time means it gave up. */
    private static final long NO_REDIAL_NANOS = 150_000_000L;

    private final ZContext context;
    private final ZMQ.Socket watched;
    private final ZMQ.Socket events;
    private long connectedAtNanos;
    private boolean connected;
    private boolean everConnected;
    private int refusedConnects;
    private long quickDropAtNanos = -1;

    /** Call before {@code socket} connects, so its first connection is seen. */
    public HandshakeWatch(ZContext context, ZMQ.Socket socket) {
        this.context = context;
        this.watched = socket;
        String address = "inproc://handshake-watch-" + NEXT_ID.incrementAndGet();
        socket.monitor(address, EVENTS);
        events = context.createSocket(SocketType.PAIR);
        events.connect(address);
    }

    /** The monitor's socket, for a poller that wakes on connection events. */
    public ZMQ.Socket eventSocket() {
        return events;
    }

    /** Reads the monitor's events. */
    public Seen read() {
        boolean dropped = false;
        long now = System.nanoTime();
        for (ZMQ.Event event; (event = ZMQ.Event.recv(events, ZMQ.DONTWAIT)) != null; ) {
            now = System.nanoTime();
            if (event.getEvent() == ZMQ.EVENT_CONNECTED) {
                connected = true;
                everConnected = true;
                connectedAtNanos = now;
                quickDropAtNanos = -1;
            } else if (event.getEvent() == ZMQ.EVENT_CONNECT_RETRIED) {
                // a refused connect before we ever got through, or the redial of a dropped connection
                if (!everConnected) {
                    refusedConnects++;
                }
                quickDropAtNanos = -1;
            } else if (connected) {
                connected = false;
                dropped = true;
                if (now - connectedAtNanos < QUICK_DROP_NANOS) {
                    quickDropAtNanos = now;
                }
            }
        }
        boolean refused = quickDropAtNanos >= 0 && now - quickDropAtNanos >= NO_REDIAL_NANOS;
        if (refused) {
            quickDropAtNanos = -1;
        }
        return new Seen(dropped, refused);
    }

    /** True while a quick drop waits to be told apart from a refusal: read again within {@link #READ_EVERY_MS}. */
    public boolean undecided() {
        return quickDropAtNanos >= 0;
    }

    /** As of the last {@link #read}: this socket never connected and its last few TCP connects were refused. */
    public boolean nothingListens() {
        return !everConnected && refusedConnects >= REFUSED_CONNECTS_THAT_MEAN_NOBODY;
    }

    /** Call before closing the watched socket. */
    @Override
    public void close() {
        // JeroMQ's I/O thread writes events with a blocking send: with no reader left it would hang the whole context.
        watched.monitor(null, 0);
        context.destroySocket(events);
    }
}
