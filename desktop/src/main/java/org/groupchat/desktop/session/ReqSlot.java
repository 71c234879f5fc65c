package org.groupchat.desktop.session;

import org.groupchat.client.ConnectingSockets;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A non-blocking REQ socket with at most one request in flight and a deadline for its reply. The owner polls
 * {@link #socket()}; on a missed deadline it calls {@link #reopen}, the Lazy Pirate way. Used by one thread only.
 */
final class ReqSlot implements AutoCloseable {
    private final ZContext context;
    private String endpoint;
    private ZMQ.Socket socket;
    private long deadline;
    private boolean busy;

    ReqSlot(ZContext context, String endpoint) {
        this.context = context;
        this.endpoint = endpoint;
        open();
    }

    ZMQ.Socket socket() {
        return socket;
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

    /** The reply, if one is waiting; null otherwise. */
    byte[] receive() {
        byte[] reply = socket.recv(ZMQ.DONTWAIT);
        if (reply != null) {
            busy = false;
        }
        return reply;
    }

    boolean overdue(long now) {
        return busy && now >= deadline;
    }

    long deadline() {
        return busy ? deadline : Long.MAX_VALUE;
    }

    /** Drops the socket and whatever it was waiting for, and connects a fresh one (optionally elsewhere). */
    void reopen(String newEndpoint) {
        context.destroySocket(socket);
        endpoint = newEndpoint;
        busy = false;
        open();
    }

    String endpoint() {
        return endpoint;
    }

    private void open() {
        socket = context.createSocket(SocketType.REQ);
        ConnectingSockets.configure(socket);
        socket.connect(endpoint);
    }

    @Override
    public void close() {
        context.destroySocket(socket);
    }
}
