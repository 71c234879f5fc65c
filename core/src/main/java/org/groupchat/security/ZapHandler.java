package org.groupchat.security;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.groupchat.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * The ZAP handler (ZeroMQ RFC 27) of one context: accepts every CURVE client that completed the handshake and
 * names it by its public key (Z85), which then arrives with each of its messages as the "User-Id" property.
 * Whether that key may do anything is the server's decision, made per request, so a refusal can say why.
 * Runs on a thread of its own, which binds, serves and closes its REP socket, so the server thread can wait on its
 * ROUTER alone.
 */
public final class ZapHandler implements AutoCloseable {
    public static final String ENDPOINT = "inproc://zeromq.zap.01";
    private static final Logger LOG = LoggerFactory.getLogger(ZapHandler.class);
    private static final int STOP_CHECK_MS = 100;

    private final ZContext context;
    private final CompletableFuture<Void> bound = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean running = true;

    private ZapHandler(ZContext context, String threadName) {
        this.context = context;
        this.thread = new Thread(this::serve, threadName);
    }

    /**
     * Binds the handler on its own thread and returns once it is bound: before the secure socket binds, or
     * connections would go unauthenticated.
     */
    public static ZapHandler start(ZContext context, String threadName) {
        ZapHandler handler = new ZapHandler(context, threadName);
        handler.thread.setDaemon(true);
        handler.thread.start();
        try {
            handler.bound.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return handler;
    }

    private void serve() {
        ZMQ.Socket socket;
        try {
            socket = context.createSocket(SocketType.REP);
            socket.setReceiveTimeOut(STOP_CHECK_MS);
            socket.bind(ENDPOINT);
        } catch (RuntimeException e) {
            bound.completeExceptionally(e);
            return;
        }
        bound.complete(null);
        try {
            while (running) {
                ZMsg request = ZMsg.recvMsg(socket, 0);
                if (request != null) {
                    answer(request, socket);
                }
            }
        } finally {
            context.destroySocket(socket);
        }
    }

    /** Stops serving and closes the socket; call before closing the context. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(ZMsg request, ZMQ.Socket socket) {
        List<byte[]> frames = new ArrayList<>();
        request.forEach(frame -> frames.add(frame.getData()));
        request.destroy();
        String version = frames.size() > 0 ? new String(frames.get(0), ZMQ.CHARSET) : "";
        byte[] requestId = frames.size() > 1 ? frames.get(1) : new byte[0];
        String mechanism = frames.size() > 5 ? new String(frames.get(5), ZMQ.CHARSET) : "";
        boolean curve = "1.0".equals(version)
                && "CURVE".equals(mechanism)
                && frames.size() > 6
                && frames.get(6).length == ZMQ.Curve.KEY_SIZE;
        ZMsg reply = new ZMsg();
        reply.add("1.0");
        reply.add(requestId);
        if (curve) {
            reply.add("200");
            reply.add("OK");
            reply.add(ZMQ.Curve.z85Encode(frames.get(6)));
        } else {
            LOG.warn(
                    "refused a {} handshake: only CURVE clients are served",
                    mechanism.isEmpty() ? "malformed" : mechanism);
            Metrics.HANDSHAKE_REFUSALS.labelValues(Metrics.REFUSED_NOT_CURVE).inc();
            reply.add("400");
            reply.add("only CURVE is accepted");
            reply.add("");
        }
        reply.add(new byte[0]);
        reply.send(socket);
    }
}
