package org.groupchat.desktop.session;

import org.groupchat.transport.ConnectingSockets;
import org.groupchat.transport.OversizedFrames;
import org.groupchat.client.ProtocolViolationException;
import org.groupchat.client.ReplyTooLargeException;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A non-blocking REQ socket with at most one request in flight and a deadline for its reply, speaking CURVE when
 * its address has keys. The owner polls {@link #socket()} and {@link #monitorSocket()}; on a missed deadline or a
 * refused handshake it calls {@link #reopen}, the Lazy Pirate way. Used by one thread only.
 */
final class ReqSlot implements AutoCloseable {
    private final ZContext context;
    private GroupAddress address;
    private ZMQ.Socket socket;
    private OversizedFrames frames;
    private boolean extraFrames;
    private ConnectionWatch watch;
    private long deadline;
    private boolean busy;
    private boolean refused;

    ReqSlot(ZContext context, GroupAddress address) {
        this.context = context;
        this.address = address;
        open();
    }

    ZMQ.Socket socket() {
        return socket;
    }

    ZMQ.Socket monitorSocket() {
        return watch.eventSocket();
    }

    /**
     * What happened to the socket's connections since the last call. After a refused handshake the socket stays
     * dead (JeroMQ does not reconnect) and whatever it waited for is lost, until {@link #reopenIfRefused}.
     */
    ConnectionWatch.Seen connectionEvents() {
        ConnectionWatch.Seen seen = watch.read();
        if (seen.refused()) {
            refused = true;
            busy = false;
        }
        return seen;
    }

    /** True while a quick drop may still turn out to be a refusal: read the events again soon. */
    boolean undecided() {
        return watch.undecided();
    }

    /** Connects afresh if the server refused our handshake; true when the socket was replaced. */
    boolean reopenIfRefused() {
        if (!refused) {
            return false;
        }
        reopen(address);
        return true;
    }

    boolean busy() {
        return busy;
    }

    /** Sends one request; the reply is expected within {@code timeoutMs}. */
    void send(byte[] request, long timeoutMs, long now) {
        if (busy) {
            throw new IllegalStateException("a request is already in flight");
        }
        socket.send(request, ZMQ.DONTWAIT);
        busy = true;
        deadline = now + timeoutMs;
    }

    /** The reply, if one is waiting; null otherwise. Frames after the first are read and dropped (see below). */
    byte[] receive() {
        byte[] reply = socket.recv(ZMQ.DONTWAIT);
        if (reply != null) {
            busy = false;
            // a REQ socket takes no request until the whole reply is read
            while (socket.hasReceiveMore()) {
                socket.recv();
                extraFrames = true;
            }
        }
        return reply;
    }

    /**
     * Throws when the last reply broke the framing: over the frame limit (it was dropped unread, so memory stays
     * bounded), or more than the one frame a reply is.
     */
    void refuseBadFrames() {
        long bytes = frames.take();
        if (bytes >= 0) {
            throw new ReplyTooLargeException(address.endpoint(), bytes);
        }
        if (extraFrames) {
            extraFrames = false;
            throw new ProtocolViolationException(address.endpoint(), null, "has more than one frame");
        }
    }

    boolean overdue(long now) {
        return busy && now >= deadline;
    }

    long deadline() {
        return busy ? deadline : Long.MAX_VALUE;
    }

    /** Drops the socket and whatever it was waiting for, and connects a fresh one (optionally elsewhere). */
    void reopen(GroupAddress newAddress) {
        closeSocket();
        address = newAddress;
        busy = false;
        refused = false;
        open();
    }

    GroupAddress address() {
        return address;
    }

    private void open() {
        socket = context.createSocket(SocketType.REQ);
        frames = ConnectingSockets.configure(socket);
        extraFrames = false;
        if (address.keys() != null) {
            address.keys().applyTo(socket);
        }
        watch = new ConnectionWatch(context, socket);
        socket.connect(address.endpoint());
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
