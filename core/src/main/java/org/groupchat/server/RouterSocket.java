package org.groupchat.server;

import java.util.ArrayList;
import java.util.List;
import org.groupchat.protocol.Endpoint;
import org.groupchat.security.HandshakeFailures;
import org.groupchat.security.ServerSecurity;
import org.groupchat.security.ZapHandler;
import org.groupchat.transport.SocketLimits;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.ZMsg;
import zmq.Msg;
import zmq.io.Metadata;

/**
 * A server's bound ROUTER socket, with its CURVE authentication (ZAP handler, handshake failure watch) when secure:
 * requests in as {@link Inbound}s, replies out. Used by the server's thread only, like every socket.
 */
final class RouterSocket {
    private static final int MAX_BATCH = 512;

    private final ZMQ.Socket router;
    private final List<Inbound> batch = new ArrayList<>();
    private final boolean secure;
    private ZapHandler zap;
    private HandshakeFailures handshakeFailures;
    private int receiveTimeoutMs = -2;

    private RouterSocket(ZMQ.Socket router, boolean secure) {
        this.router = router;
        this.secure = secure;
    }

    /** Binds {@code endpoint}; on failure, closes what it started and says why in a {@link ServerStartException}. */
    static RouterSocket bind(
            ZContext context, Endpoint endpoint, SocketLimits limits, ServerSecurity security, String threadName) {
        RouterSocket socket = new RouterSocket(context.createSocket(SocketType.ROUTER), security != null);
        ZMQ.Socket router = socket.router;
        limits.applyTo(router);
        router.setIPv6(endpoint.host().contains(":"));
        try {
            if (security != null) {
                socket.zap = ZapHandler.start(context, threadName + "-zap");
                socket.handshakeFailures = HandshakeFailures.watch(context, router, threadName + "-handshakes");
                router.setCurveServer(true);
                router.setCurveSecretKey(security.keys().secretKey().getBytes(ZMQ.CHARSET));
            }
            router.bind(endpoint.bindAddress());
            return socket;
        } catch (ZMQException e) {
            socket.closeSecurity();
            throw new ServerStartException("cannot bind " + endpoint + ": " + BindFailure.describe(endpoint, e), e);
        } catch (RuntimeException e) {
            socket.closeSecurity();
            throw e;
        }
    }

    String lastEndpoint() {
        return router.getLastEndpoint();
    }

    /**
     * Waits up to {@code timeoutMs} for the first frame of a request. A blocking receive, not a ZMQ.Poller: JeroMQ's
     * poll cost 70-110 us of CPU per wake-up here against 11-14 us for a whole request served by receive (PERFORMANCE.md).
     */
    Msg receive(long timeoutMs) {
        if (timeoutMs == 0) {
            return router.recvMsg(ZMQ.DONTWAIT);
        }
        if (receiveTimeoutMs != timeoutMs) {
            receiveTimeoutMs = (int) timeoutMs;
            router.setReceiveTimeOut(receiveTimeoutMs);
        }
        return router.recvMsg(0);
    }

    /** The request that begins with {@code first} and those already queued behind it (a list reused by each call). */
    List<Inbound> drain(Msg first) {
        batch.clear();
        Msg frame = first;
        while (frame != null && batch.size() < MAX_BATCH) {
            List<byte[]> frames = new ArrayList<>(4);
            String peerKey = null;
            while (true) {
                frames.add(frame.data());
                if (peerKey == null && frame.getMetadata() != null) {
                    peerKey = frame.getMetadata().get(Metadata.USER_ID);
                }
                if (!frame.hasMore()) {
                    break;
                }
                // The parts of a message arrive together, so the next one is already here.
                frame = router.recvMsg(ZMQ.DONTWAIT);
                if (frame == null) {
                    break;
                }
            }
            if (frames.size() >= 2) {
                batch.add(Inbound.split(frames, secure ? peerKey : null));
            }
            frame = batch.size() < MAX_BATCH ? router.recvMsg(ZMQ.DONTWAIT) : null;
        }
        return batch;
    }

    /** Sends a reply: its JSON frame, and the binary frame after it when it carries one (a FILE_GET chunk). */
    void send(List<byte[]> route, byte[] json, byte[] bytes) {
        ZMsg msg = new ZMsg();
        route.forEach(msg::add);
        msg.add(json);
        if (bytes != null) {
            msg.add(bytes);
        }
        msg.send(router);
    }

    /** Stops the ZAP handler and the handshake watch; the socket itself closes with its context. */
    void closeSecurity() {
        if (zap != null) {
            zap.close();
        }
        if (handshakeFailures != null) {
            handshakeFailures.close();
        }
    }
}
