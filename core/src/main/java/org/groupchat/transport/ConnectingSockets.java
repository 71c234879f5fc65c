package org.groupchat.transport;

import org.groupchat.protocol.Endpoint;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/** The options every socket of ours that connects (REQ, DEALER) gets before it connects. */
public final class ConnectingSockets {
    /**
     * JeroMQ 0.6.0 stalls the ZMTP handshake of about 1 in 60 new outgoing connections (docs/ARCHITECTURE.md);
     * a handshake limit makes the socket drop such a connection and reconnect with its queued request.
     */
    public static final int HANDSHAKE_MS = 1_000;

    /** The largest reply a client accepts: a full FETCH page of the longest, most escaped texts fits well inside. */
    public static final long MAX_FRAME_BYTES = 64L * 1024 * 1024;

    private ConnectingSockets() {}

    /**
     * Connects to a {@code tcp://host:port} address (IPv6 literals in brackets too).
     *
     * @throws IllegalArgumentException when the address is malformed or cannot be used (an unknown host), saying which
     */
    public static void connect(ZMQ.Socket socket, String endpoint) {
        Endpoint parsed = Endpoint.parse(endpoint);
        socket.setIPv6(parsed.host().contains(":"));
        try {
            socket.connect(parsed.toString());
        } catch (ZMQException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot connect to " + endpoint + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets the options; returns the socket's frame allocator, which notes a reply over {@link #MAX_FRAME_BYTES}. The
     * allocator, not ZeroMQ's own frame limit (which would drop the connection without a word), enforces the limit.
     */
    public static OversizedFrames configure(ZMQ.Socket socket) {
        OversizedFrames frames = new OversizedFrames(MAX_FRAME_BYTES);
        socket.setLinger(0);
        socket.setMaxMsgSize(-1);
        socket.setMsgAllocator(frames);
        socket.setHandshakeIvl(HANDSHAKE_MS);
        socket.setReconnectIVL(100);
        socket.setReconnectIVLMax(1_000);
        return frames;
    }
}
