package org.groupchat.transport;

import org.zeromq.ZMQ;

/** Transport limits on every server socket: one peer cannot grow the server's memory or hold a half-open handshake. */
public record SocketLimits(long maxFrameBytes, int highWaterMark) {
    public static final SocketLimits DEFAULT = new SocketLimits(256 * 1024, 1000);

    public void applyTo(ZMQ.Socket socket) {
        socket.setMaxMsgSize(maxFrameBytes);
        socket.setSndHWM(highWaterMark);
        socket.setRcvHWM(highWaterMark);
        socket.setLinger(500);
        socket.setHandshakeIvl(5_000);
        socket.setMsgAllocator(SafeFrameAllocator.forLimit(maxFrameBytes));
        socket.setBacklog(1_024);
    }
}
