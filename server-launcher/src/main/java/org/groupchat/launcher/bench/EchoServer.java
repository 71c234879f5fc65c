package org.groupchat.launcher.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.transport.Contexts;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * The baseline: a bare JeroMQ ROUTER that answers every request with its own bytes, on one thread that owns the
 * socket. When holding, it keeps FETCH requests like parked long polls and answers all of them with the next other
 * request's bytes (the transport's share of a delivery), or with their own bytes once they have waited holdMs.
 */
final class EchoServer implements AutoCloseable {
    static final String THREAD_NAME = "bench-echo";
    private static final byte[] FETCH_PREFIX = "{\"op\":\"FETCH\"".getBytes(StandardCharsets.UTF_8);

    private final long holdNanos;
    private final String bindEndpoint;
    private final CurveKeyPair curveKeys;
    private final CompletableFuture<String> bound = new CompletableFuture<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile boolean running = true;

    private record Held(ZMsg request, long deadlineNanos) {}

    private EchoServer(long holdMs, String bindEndpoint, CurveKeyPair curveKeys) {
        this.holdNanos = holdMs * 1_000_000L;
        this.bindEndpoint = bindEndpoint;
        this.curveKeys = curveKeys;
    }

    /** An echo whose socket speaks CURVE with these keys, on 127.0.0.1 with an OS-picked port. */
    static EchoServer startSecure(CurveKeyPair keys) {
        EchoServer server = new EchoServer(0, "tcp://127.0.0.1:*", keys);
        new Thread(server::run, THREAD_NAME).start();
        return server;
    }

    /** Starts on 127.0.0.1 with an OS-picked port; {@code holdMs} 0 echoes FETCH at once like anything else. */
    static EchoServer start(long holdMs) {
        return start(holdMs, "tcp://127.0.0.1:*");
    }

    static EchoServer start(long holdMs, String bindEndpoint) {
        EchoServer server = new EchoServer(holdMs, bindEndpoint, null);
        new Thread(server::run, THREAD_NAME).start();
        return server;
    }

    String endpoint() {
        return bound.join();
    }

    private void run() {
        try (ZContext context = Contexts.create()) {
            ZMQ.Socket router = context.createSocket(SocketType.ROUTER);
            router.setLinger(0);
            if (curveKeys != null) {
                router.setCurveServer(true);
                router.setCurveSecretKey(curveKeys.secretKey().getBytes(ZMQ.CHARSET));
            }
            router.bind(bindEndpoint);
            bound.complete(router.getLastEndpoint());
            ArrayDeque<Held> held = new ArrayDeque<>();
            int timeoutMs = -2;
            while (running) {
                // The same way of waiting as the servers measured against it: a blocking receive, not a ZMQ.Poller.
                int wait = held.isEmpty()
                        ? 100
                        : (int) Math.max(1, 1 + (held.peek().deadlineNanos() - System.nanoTime()) / 1_000_000L);
                if (wait != timeoutMs) {
                    timeoutMs = wait;
                    router.setReceiveTimeOut(timeoutMs);
                }
                ZMsg msg = ZMsg.recvMsg(router, 0);
                while (msg != null) {
                    answer(router, msg, held);
                    msg = ZMsg.recvMsg(router, ZMQ.DONTWAIT);
                }
                while (!held.isEmpty() && held.peek().deadlineNanos() - System.nanoTime() <= 0) {
                    held.poll().request().send(router);
                }
            }
        } catch (RuntimeException e) {
            bound.completeExceptionally(e);
        } finally {
            stopped.complete(null);
        }
    }

    private void answer(ZMQ.Socket router, ZMsg msg, ArrayDeque<Held> held) {
        byte[] body = msg.getLast().getData();
        if (holdNanos > 0 && startsWith(body, FETCH_PREFIX)) {
            held.add(new Held(msg, System.nanoTime() + holdNanos));
            return;
        }
        msg.send(router);
        for (Held h : held) {
            ZMsg waiting = h.request();
            waiting.removeLast().destroy();
            waiting.add(new ZFrame(body));
            waiting.send(router);
        }
        held.clear();
    }

    private static boolean startsWith(byte[] body, byte[] prefix) {
        return body.length >= prefix.length && Arrays.equals(body, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public void close() {
        running = false;
        stopped.join();
    }

    /** Runs as a child process (idle and start-up baselines): binds args[0], holds FETCH args[1] ms, stops when stdin closes. */
    public static void main(String[] args) throws IOException {
        EchoServer server = start(Long.parseLong(args[1]), args[0]);
        System.out.println("echo " + server.endpoint());
        System.out.flush();
        while (System.in.read() >= 0) {
            // keep running until the parent closes our stdin
        }
        server.close();
    }
}
