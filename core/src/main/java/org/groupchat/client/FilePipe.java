package org.groupchat.client;

import org.groupchat.security.ClientKeys;
import org.groupchat.transport.ConnectingSockets;
import org.groupchat.transport.OversizedFrames;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A DEALER to a group server that keeps several file ops in flight (protocol 1.5): a group answers the requests of one
 * connection in the order they came, so the replies come back in the order they were sent. Requests carry the empty
 * delimiter a REQ socket puts, so the server sees them as it sees any client's. Same CURVE keys as the client's REQ.
 * Opened, used and closed by the one thread that transfers a file; no retries here: a silent server is the caller's
 * to resync through its {@link GroupClient}.
 */
final class FilePipe implements AutoCloseable {
    private static final byte[] DELIMITER = new byte[0];

    private final ZContext context;
    private final ZMQ.Socket socket;
    private final OversizedFrames frames;
    private final String endpoint;
    private int receiveTimeoutMs = -2;

    FilePipe(ZContext context, String endpoint, ClientKeys keys) {
        this.context = context;
        this.endpoint = endpoint;
        this.socket = context.createSocket(SocketType.DEALER);
        this.frames = ConnectingSockets.configure(socket);
        if (keys != null) {
            keys.applyTo(socket);
        }
        try {
            ConnectingSockets.connect(socket, endpoint);
        } catch (IllegalArgumentException e) {
            context.destroySocket(socket);
            throw e;
        }
    }

    String endpoint() {
        return endpoint;
    }

    /** Queues a request (its JSON, and {@code bytes} in a second frame when not null); never blocks for long. */
    void send(byte[] json, byte[] bytes) {
        socket.send(DELIMITER, ZMQ.SNDMORE);
        if (bytes == null) {
            socket.send(json, 0);
        } else {
            socket.send(json, ZMQ.SNDMORE);
            socket.send(bytes, 0);
        }
    }

    /**
     * The next reply, waiting up to {@code waitMs}, or null at the timeout.
     *
     * @throws ReplyTooLargeException when a reply frame was over the client's limit
     * @throws ProtocolViolationException when a reply has another shape than [delimiter, json] or [delimiter, json, bytes]
     */
    ReqChannel.Frames receive(long waitMs) {
        int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, waitMs));
        if (ms != receiveTimeoutMs) {
            socket.setReceiveTimeOut(ms);
            receiveTimeoutMs = ms;
        }
        byte[] delimiter = socket.recv(0);
        if (delimiter == null) {
            return null;
        }
        byte[] json = socket.hasReceiveMore() ? socket.recv(0) : null;
        byte[] bytes = json != null && socket.hasReceiveMore() ? socket.recv(0) : null;
        boolean extra = false;
        while (socket.hasReceiveMore()) {
            socket.recv(0);
            extra = true;
        }
        long oversized = frames.take();
        if (oversized >= 0) {
            throw new ReplyTooLargeException(endpoint, oversized);
        }
        if (delimiter.length != 0 || json == null || extra) {
            throw new ProtocolViolationException(
                    endpoint, null, "is not one JSON frame with at most one frame after it");
        }
        return new ReqChannel.Frames(json, bytes);
    }

    @Override
    public void close() {
        context.destroySocket(socket);
    }
}
