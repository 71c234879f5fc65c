package org.groupchat.client;

import org.groupchat.transport.SafeFrameAllocator;
import org.zeromq.ZMQ;

/** The options every socket of ours that connects (REQ, DEALER) gets before it connects. */
public final class ConnectingSockets {
    /**
     * JeroMQ 0.6.0 stalls the ZMTP handshake of about 1 in 60 new outgoing connections (docs/ARCHITECTURE.md);
     * a handshake limit makes the socket drop such a connection and reconnect with its queued request.
     */
    public static final int HANDSHAKE_MS = 1_000;

    private ConnectingSockets() {}

    public static void configure(ZMQ.Socket socket) {
        socket.setLinger(0);
        socket.setMsgAllocator(SafeFrameAllocator.INSTANCE);
        socket.setHandshakeIvl(HANDSHAKE_MS);
        socket.setReconnectIVL(100);
        socket.setReconnectIVLMax(1_000);
    }
}
