package org.groupchat.server;

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
import org.groupchat.security.ServerSecurity;
import org.groupchat.transport.Contexts;
import org.groupchat.transport.SocketLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import zmq.Msg;

/**
 * A ZeroMQ ROUTER server on one thread that owns every socket it opens, from bind to close.
 * Subclasses answer decoded requests; bad frames are answered here with BAD_REQUEST. With {@link ServerSecurity} the
 * socket speaks CURVE only, and each request comes with the public key its connection authenticated with.
 */
public abstract class RouterServer implements AutoCloseable {
    private static final long MAX_POLL_MS = 100;
    private static final int MAX_FAILURES_IN_A_ROW = 100;

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String threadName;
    private final Endpoint bindEndpoint;
    private final SocketLimits limits;
    private final ServerSecurity security;
    private final CompletableFuture<Endpoint> bound = new CompletableFuture<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final TimerPace timerPace = new TimerPace();
    private volatile boolean running;
    private volatile Throwable fatal;
    private volatile long lastTurnNanos = System.nanoTime();
    private Thread thread;

    private ZContext context;
    private RouterSocket router;
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

    // whatever ends the loop, OutOfMemoryError included, ends the server: it is caught only to report that it stopped
    @SuppressWarnings("checkstyle:IllegalCatch")
    private void run() {
        try {
            context = Contexts.create();
            router = RouterSocket.bind(context, bindEndpoint, limits, security, threadName);
            onStart(context);
        } catch (RuntimeException e) {
            if (router != null) {
                router.closeSecurity();
            }
            if (context != null) {
                context.close();
            }
            bound.completeExceptionally(e);
            stopped.complete(null);
            return;
        }
        bound.complete(Endpoint.parse(router.lastEndpoint()));
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
            router.closeSecurity();
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

    private void loop() {
        int failuresInARow = 0;
        while (running) {
            lastTurnNanos = System.nanoTime();
            try {
                Msg first = router.receive(Math.max(0, Math.min(MAX_POLL_MS, millisUntilNextTimer())));
                List<Inbound> batch = first == null ? List.of() : router.drain(first);
                if (!batch.isEmpty()) {
                    handleBatch(batch);
                }
                if (timerPace.due(first == null)) {
                    onTimer();
                }
                failuresInARow = 0;
            } catch (RuntimeException e) {
                // One bad pass must not end the service: its requests go unanswered and their clients retry.
                if (++failuresInARow >= MAX_FAILURES_IN_A_ROW) {
                    throw e;
                }
                log.error("{} failed in one pass of its loop; serving on", threadName, e);
            }
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
        router.send(route, Json.write(reply), reply instanceof Reply.WithBytes carrying ? carrying.bytes() : null);
    }

    /** Sends a successful reply already encoded as JSON, such as one kept from an earlier request. */
    protected final void replyEncoded(List<byte[]> route, byte[] json) {
        tally().answered(route, "OK");
        router.send(route, json, null);
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

    /** Ends the loop after this pass, on the server thread; {@link #stopped()} then completes with {@code failure}. */
    protected final void stopOnFailure(Throwable failure) {
        fatal = failure;
        running = false;
    }

    /** Called once on the server thread after bind: open further sockets here and register them. */
    protected void onStart(ZContext context) {}

    /** The endpoint the ROUTER is bound to; for use on the server thread from {@link #onStart} on. */
    protected final String routerEndpoint() {
        return router.lastEndpoint();
    }

    /** Runs what is due, on the server thread, when {@link TimerPace} says so (at least every 100 ms). */
    protected void onTimer() {}

    /** How long the loop may sleep before {@link #onTimer()} has something to do. */
    protected long millisUntilNextTimer() {
        return MAX_POLL_MS;
    }

    /** Called once on the server thread when stopping, before the sockets close. */
    protected void onStop() {}
}
