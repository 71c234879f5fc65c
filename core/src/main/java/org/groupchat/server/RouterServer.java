package org.groupchat.server;

import org.groupchat.transport.SocketLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.groupchat.protocol.Endpoint;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Ops;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.RequestDecoder;
import org.groupchat.security.HandshakeFailures;
import org.groupchat.security.ServerSecurity;
import org.groupchat.security.ZapHandler;
import org.groupchat.transport.Contexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import org.zeromq.ZMsg;
import zmq.Msg;
import zmq.io.Metadata;

/**
 * A ZeroMQ ROUTER server on one thread that owns every socket it opens, from bind to close.
 * Subclasses answer decoded requests; bad frames are answered here with BAD_REQUEST. With {@link ServerSecurity} the
 * socket speaks CURVE only, and each request comes with the public key its connection authenticated with.
 */
public abstract class RouterServer implements AutoCloseable {
    private static final int MAX_BATCH = 512;
    private static final long MAX_POLL_MS = 100;
    private static final int MAX_FAILURES_IN_A_ROW = 100;

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String threadName;
    private final Endpoint bindEndpoint;
    private final SocketLimits limits;
    private final ServerSecurity security;
    private final CompletableFuture<Endpoint> bound = new CompletableFuture<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile boolean running;
    private volatile Throwable fatal;
    private volatile long lastTurnNanos = System.nanoTime();
    private Thread thread;

    private ZContext context;
    private ZMQ.Socket router;
    private int receiveTimeoutMs = -2;
    private ZapHandler zap;
    private HandshakeFailures handshakeFailures;
    private RequestTally tally;

    /** {@code security} null: the socket speaks plain ZMTP (the NULL mechanism), as protocol.md describes. */
    protected RouterServer(String threadName, Endpoint bindEndpoint, SocketLimits limits, ServerSecurity security) {
        this.threadName = threadName;
        this.bindEndpoint = bindEndpoint;
        this.limits = limits;
        this.security = security;
    }

    /** The server's CURVE settings, or null when it runs without security. */
    public final ServerSecurity security() {
        return security;
    }

    /** Binds and starts serving; returns the endpoint actually bound (with the OS-picked port, if any). */
    public synchronized Endpoint start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        thread = new Thread(this::run, threadName);
        thread.start();
        try {
            return bound.get();
        } catch (ExecutionException e) {
            running = false;
            joinThread();
            Throwable cause = e.getCause();
            throw cause instanceof ServerStartException s ? s : new ServerStartException(cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted while starting " + threadName, e);
        }
    }

    /** The bound endpoint; valid after {@link #start()} returned. */
    public Endpoint boundEndpoint() {
        return bound.getNow(null);
    }

    public boolean isRunning() {
        return running && !stopped.isDone();
    }

    /**
     * How long ago the server thread last began a pass of its loop; an idle loop turns at least every 100 ms, so a
     * large figure means it is stuck (a store that does not answer). Read by {@code /health}; costs the loop one write.
     */
    public long millisSinceLastTurn() {
        return (System.nanoTime() - lastTurnNanos) / 1_000_000L;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (thread == null) {
                return;
            }
            running = false;
        }
        joinThread();
    }

    private void joinThread() {
        try {
            stopped.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (fatal == null) {
                log.warn("{} stopped with an error", threadName, e.getCause());
            }
        }
    }

    private void run() {
        try {
            context = Contexts.create();
            bindRouter();
            onStart(context);
        } catch (RuntimeException e) {
            closeZap();
            if (context != null) {
                context.close();
            }
            bound.completeExceptionally(e);
            stopped.complete(null);
            return;
        }
        bound.complete(Endpoint.parse(router.getLastEndpoint()));
        Throwable failure = null;
        try {
            loop();
        } catch (Throwable t) {
            failure = t;
            log.error("{} stopped on an error", threadName, t);
        } finally {
            if (failure == null) {
                failure = fatal;
            }
            try {
                onStop();
            } catch (RuntimeException e) {
                log.warn("{} did not stop cleanly", threadName, e);
            }
            closeZap();
            context.close();
        }
        if (failure == null) {
            stopped.complete(null);
        } else {
            stopped.completeExceptionally(failure);
        }
    }

    /** Completes when the server thread has ended: normally after {@link #close()}, exceptionally if it failed. */
    public CompletableFuture<Void> stopped() {
        return stopped.copy();
    }

    private void bindRouter() {
        router = context.createSocket(SocketType.ROUTER);
        limits.applyTo(router);
        router.setIPv6(bindEndpoint.host().contains(":"));
        if (security != null) {
            zap = ZapHandler.start(context, threadName + "-zap");
            handshakeFailures = HandshakeFailures.watch(context, router, threadName + "-handshakes");
            router.setCurveServer(true);
            router.setCurveSecretKey(security.keys().secretKey().getBytes(ZMQ.CHARSET));
        }
        try {
            router.bind(bindEndpoint.bindAddress());
        } catch (ZMQException e) {
            throw new ServerStartException("cannot bind " + bindEndpoint + ": " + BindFailure.describe(bindEndpoint, e), e);
        }
    }

    private void closeZap() {
        if (zap != null) {
            zap.close();
        }
        if (handshakeFailures != null) {
            handshakeFailures.close();
        }
    }

    private void loop() {
        List<Inbound> batch = new ArrayList<>();
        int failuresInARow = 0;
        while (running) {
            lastTurnNanos = System.nanoTime();
            try {
                Msg first = receive(Math.max(0, Math.min(MAX_POLL_MS, millisUntilNextTimer())));
                if (first != null) {
                    drain(first, batch);
                    if (!batch.isEmpty()) {
                        handleBatch(batch);
                    }
                }
                onTimer();
                failuresInARow = 0;
            } catch (RuntimeException e) {
                // One bad pass must not end the service: its requests go unanswered and their clients retry.
                if (++failuresInARow >= MAX_FAILURES_IN_A_ROW) {
                    throw e;
                }
                log.error("{} failed in one pass of its loop; serving on", threadName, e);
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Waits up to {@code timeoutMs} for the first frame of a request. A blocking receive, not a ZMQ.Poller: JeroMQ's
     * poll cost 70-110 us of CPU per wake-up here against 11-14 us for a whole request served by receive (PERFORMANCE.md).
     */
    private Msg receive(long timeoutMs) {
        if (timeoutMs == 0) {
            return router.recvMsg(ZMQ.DONTWAIT);
        }
        if (receiveTimeoutMs != timeoutMs) {
            receiveTimeoutMs = (int) timeoutMs;
            router.setReceiveTimeOut(receiveTimeoutMs);
        }
        return router.recvMsg(0);
    }

    private void drain(Msg first, List<Inbound> batch) {
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
                batch.add(Inbound.split(frames, security == null ? null : peerKey));
            }
            frame = batch.size() < MAX_BATCH ? router.recvMsg(ZMQ.DONTWAIT) : null;
        }
    }

    /** Answers a batch of requests that arrived together; the default answers them one by one. */
    protected void handleBatch(List<Inbound> batch) {
        for (Inbound inbound : batch) {
            Request request = decode(inbound);
            if (request != null) {
                reply(inbound, answerSafely(request, inbound.peerKey()));
            }
        }
    }

    /** Decodes a request, or answers the failure itself and returns null. */
    protected final Request decode(Inbound inbound) {
        if (inbound.problem() != null) {
            reply(inbound, Reply.Failure.of(ErrorCode.BAD_REQUEST, inbound.problem(), null));
            return null;
        }
        try {
            Request request = BinaryFrames.attach(RequestDecoder.decode(inbound.body()), inbound.attachment());
            tally().arrived(inbound.route(), Ops.of(request));
            if (log.isDebugEnabled()) {
                log.debug("{} <- {}", threadName, request);
            }
            return request;
        } catch (ProtocolException e) {
            log.debug("{} refused a request: {}", threadName, e.getMessage());
            reply(inbound, e.toReply());
            return null;
        }
    }

    protected final Reply answerSafely(Request request, String peerKey) {
        try {
            return answer(request, peerKey);
        } catch (ProtocolException e) {
            return e.toReply();
        } catch (RuntimeException e) {
            log.error("{} failed on {}", threadName, request, e);
            return Reply.Failure.of(ErrorCode.INTERNAL, "the server failed on this request; it was not applied", null);
        }
    }

    /**
     * Answers one request; throw {@link ProtocolException} to refuse it. {@code peerKey} is the Z85 public key the
     * sender's connection authenticated with, or null when the server runs without security.
     */
    protected abstract Reply answer(Request request, String peerKey) throws ProtocolException;

    protected final void reply(Inbound to, Reply reply) {
        reply(to.route(), reply);
    }

    protected final void reply(List<byte[]> route, Reply reply) {
        tally().answered(route, RequestTally.codeOf(reply));
        send(route, Json.write(reply), reply instanceof Reply.WithBytes carrying ? carrying.bytes() : null);
    }

    /** Sends a successful reply already encoded as JSON, such as one kept from an earlier request. */
    protected final void replyEncoded(List<byte[]> route, byte[] json) {
        tally().answered(route, "OK");
        send(route, json, null);
    }

    private RequestTally tally() {
        if (tally == null) {
            tally = new RequestTally(metricsRole(), metricsGroup());
        }
        return tally;
    }

    /** The {@code role} label of this server's request metrics. */
    protected String metricsRole() {
        return "registry";
    }

    /** The {@code group} label of this server's request metrics: empty but for a group server. */
    protected String metricsGroup() {
        return "";
    }

    private void send(List<byte[]> route, byte[] json, byte[] bytes) {
        ZMsg msg = new ZMsg();
        route.forEach(msg::add);
        msg.add(json);
        if (bytes != null) {
            msg.add(bytes);
        }
        msg.send(router);
    }

    /** Ends the loop after this pass, on the server thread; {@link #stopped()} then completes with {@code failure}. */
    protected final void stopOnFailure(Throwable failure) {
        fatal = failure;
        running = false;
    }

    /** Called once on the server thread after bind: open further sockets here and register them. */
    protected void onStart(ZContext context) {}

    /** The endpoint the ROUTER is bound to; for use on the server thread from {@link #onStart} on. */
    protected final String routerEndpoint() {
        return router.getLastEndpoint();
    }

    /** Called after every pass of the loop (at least every 100 ms), on the server thread: run what is due. */
    protected void onTimer() {}

    /** How long the loop may sleep before {@link #onTimer()} has something to do. */
    protected long millisUntilNextTimer() {
        return MAX_POLL_MS;
    }

    /** Called once on the server thread when stopping, before the sockets close. */
    protected void onStop() {}
}
