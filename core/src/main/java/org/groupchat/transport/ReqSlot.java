package org.groupchat.transport;

import java.util.concurrent.locks.LockSupport;
import org.groupchat.security.ClientKeys;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A non-blocking REQ socket with at most one request in flight and a deadline for its reply, speaking CURVE when it
 * has {@link ClientKeys}, with a {@link HandshakeWatch} on its connections. The owner polls {@link #socket()} (and
 * {@link #monitorSocket()}); on a missed deadline or a refused handshake it calls {@link #reopen}, the Lazy Pirate
 * way. The blocking {@code client.ReqChannel} and the desktop's sessions are built on it. Used by one thread only.
 */
public final class ReqSlot implements AutoCloseable {
    private final ZContext context;
    private String endpoint;
    private ClientKeys keys;
    private ZMQ.Socket socket;
    private OversizedFrames frames;
    private boolean extraFrames;
    private byte[] attachment;
    private int receiveTimeoutMs = -2;
    private boolean sent;
    private HandshakeWatch watch;
    private long deadline;
    private boolean busy;
    private boolean refused;

    /**
     * @throws IllegalArgumentException when {@code endpoint} is not a usable {@code tcp://host:port} address
     */
    public ReqSlot(ZContext context, String endpoint, ClientKeys keys) {
        this.context = context;
        this.endpoint = endpoint;
        this.keys = keys;
        open();
    }

    public ZMQ.Socket socket() {
        return socket;
    }

    public ZMQ.Socket monitorSocket() {
        return watch.eventSocket();
    }

    public String endpoint() {
        return endpoint;
    }

    /**
     * What happened to the socket's connections since the last call. After a refused handshake the socket stays
     * dead (JeroMQ does not redial) and whatever it waited for is lost, until {@link #reopen} or {@link #reopenIfRefused}.
     */
    public HandshakeWatch.Seen connectionEvents() {
        HandshakeWatch.Seen seen = watch.read();
        if (seen.refused()) {
            refused = true;
            busy = false;
        }
        return seen;
    }

    /** True while a quick drop may still turn out to be a refusal: read the events again soon. */
    public boolean undecided() {
        return watch.undecided();
    }

    /** As of the last {@link #connectionEvents()}: nothing ever accepted this socket's TCP connects. */
    public boolean nothingListens() {
        return watch.nothingListens();
    }

    /** Connects afresh if the server refused our handshake; true when the socket was replaced. */
    public boolean reopenIfRefused() {
        if (!refused) {
            return false;
        }
        reopen();
        return true;
    }

    public boolean busy() {
        return busy;
    }

    /** Sends one request without blocking; the reply is expected within {@code timeoutMs} of {@code now}. */
    public void send(byte[] request, long timeoutMs, long now) {
        send(request, null, timeoutMs, now);
    }

    /** As {@link #send(byte[], long, long)}, with {@code bytes} (if not null) in a second frame: a file chunk (1.5). */
    public void send(byte[] request, byte[] bytes, long timeoutMs, long now) {
        if (busy) {
            throw new IllegalStateException("a request is already in flight");
        }
        // a socket whose only connection was refused has no peer: a blocking send would wait for ever
        if (bytes == null) {
            sent = socket.send(request, ZMQ.DONTWAIT);
        } else {
            sent = socket.send(request, ZMQ.SNDMORE | ZMQ.DONTWAIT) && socket.send(bytes, ZMQ.DONTWAIT);
        }
        busy = true;
        deadline = now + timeoutMs;
    }

    /** The reply, if one is waiting; null otherwise. Frames after the first are read and dropped (see below). */
    public byte[] receive() {
        return received(socket.recv(ZMQ.DONTWAIT));
    }

    /**
     * As {@link #receive()}, waiting up to {@code waitMs} for the reply: a blocking receive with a timeout wakes sooner
     * and costs less than a poller's wake-up (measured 0.1-2 ms per call on a loaded machine, PERFORMANCE.md).
     */
    public byte[] receive(long waitMs) {
        if (!sent) {
            // the request never left (no peer yet): nothing can come back, so wait as a poll would, for the deadline
            LockSupport.parkNanos(Math.max(1, waitMs) * 1_000_000L);
            return null;
        }
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, waitMs));
        if (ms != receiveTimeoutMs) {
            socket.setReceiveTimeOut(ms);
            receiveTimeoutMs = ms;
        }
        return received(socket.recv(0));
    }

    private byte[] received(byte[] reply) {
        if (reply != null) {
            busy = false;
            attachment = null;
            int extra = 0;
            // a REQ socket takes no request until the whole reply is read
            while (socket.hasReceiveMore()) {
                byte[] more = socket.recv();
                attachment = ++extra == 1 ? more : null;
                extraFrames = true;
            }
        }
        return reply;
    }

    /**
     * The one frame after the last reply's JSON (a FILE_GET reply's chunk, 1.5), or null; taking it means the reply
     * had the two frames such a reply has, so {@link #takeExtraFrames()} no longer reports them.
     */
    public byte[] takeAttachment() {
        byte[] taken = attachment;
        if (taken != null) {
            attachment = null;
            extraFrames = false;
        }
        return taken;
    }

    /** The size of a reply frame dropped unread for being over the limit since the last call, or -1 for none. */
    public long takeOversized() {
        return frames.take();
    }

    /** True once if the last reply had more than the one frame a reply is. */
    public boolean takeExtraFrames() {
        boolean seen = extraFrames;
        extraFrames = false;
        return seen;
    }

    public boolean overdue(long now) {
        return busy && now >= deadline;
    }

    public long deadline() {
        return busy ? deadline : Long.MAX_VALUE;
    }

    /** Drops the socket and whatever it was waiting for, and connects a fresh one to the same server. */
    public void reopen() {
        reopen(endpoint, keys);
    }

    /** Drops the socket and whatever it was waiting for, and connects a fresh one to {@code newEndpoint}. */
    public void reopen(String newEndpoint, ClientKeys newKeys) {
        closeSocket();
        endpoint = newEndpoint;
        keys = newKeys;
        busy = false;
        refused = false;
        open();
    }

    private void open() {
        socket = context.createSocket(SocketType.REQ);
        receiveTimeoutMs = -2;
        sent = false;
        frames = ConnectingSockets.configure(socket);
        extraFrames = false;
        if (keys != null) {
            keys.applyTo(socket);
        }
        watch = new HandshakeWatch(context, socket);
        try {
            ConnectingSockets.connect(socket, endpoint);
        } catch (IllegalArgumentException e) {
            closeSocket();
            throw e;
        }
    }

    private void closeSocket() {
        watch.close();
        context.destroySocket(socket);
    }

    @Override
    public void close() {
        closeSocket();
    }
}
