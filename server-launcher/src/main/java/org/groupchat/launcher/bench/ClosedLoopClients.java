package org.groupchat.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.groupchat.client.ConnectingSockets;
import org.groupchat.security.ClientKeys;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Clients that each keep exactly one request outstanding on a REQ socket of their own for a fixed time and time
 * every round trip. The same code drives a GroupChat server and the echo baseline.
 */
final class ClosedLoopClients {
    private static final int REPLY_TIMEOUT_MS = 10_000;

    /** What a run measured: the timed round trips, the seconds they took, and their latencies. */
    record Outcome(long completed, long refused, double seconds, LatencyRecorder latency) {
        double perSecond() {
            return completed / seconds;
        }
    }

    private ClosedLoopClients() {}

    /**
     * Runs {@code clients} threads against {@code endpoint} for warmup + duration; round trips that start after the
     * warm-up count. A client whose window ends before it timed any round trip (a very busy machine, a tiny
     * smoke window) goes on until it has one, so every figure has a value; the rate is taken over the time used.
     * {@code requests} gives each client its request source.
     */
    static Outcome run(ZContext context, String endpoint, int clients, IntFunction<Supplier<byte[]>> requests,
            Predicate<byte[]> accepted, long warmupMs, long durationMs) throws InterruptedException {
        return run(context, endpoint, clients, requests, i -> null, accepted, warmupMs, durationMs);
    }

    /** As above, each client connecting with the CURVE keys {@code keys} gives it (null: none). */
    static Outcome run(ZContext context, String endpoint, int clients, IntFunction<Supplier<byte[]>> requests,
            IntFunction<ClientKeys> keys, Predicate<byte[]> accepted, long warmupMs, long durationMs)
            throws InterruptedException {
        long windowStart = System.nanoTime() + warmupMs * 1_000_000L;
        long windowEnd = windowStart + durationMs * 1_000_000L;
        LatencyRecorder latency = new LatencyRecorder();
        AtomicLong completed = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong lastStop = new AtomicLong(windowEnd);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Supplier<byte[]> source = requests.apply(i);
            ClientKeys clientKeys = keys.apply(i);
            Thread thread = new Thread(() -> {
                try {
                    long[] counts = drive(context, endpoint, source, clientKeys, accepted, windowStart, windowEnd, latency);
                    completed.addAndGet(counts[0]);
                    refused.addAndGet(counts[1]);
                    lastStop.accumulateAndGet(counts[2], (a, b) -> b - a > 0 ? b : a);
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }, "bench-client-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a bench client failed: " + failures.get(0).getMessage(), failures.get(0));
        }
        return new Outcome(completed.get(), refused.get(), (lastStop.get() - windowStart) / 1e9, latency);
    }

    private static long[] drive(ZContext context, String endpoint, Supplier<byte[]> source, ClientKeys keys,
            Predicate<byte[]> accepted, long windowStart, long windowEnd, LatencyRecorder latency) {
        ZMQ.Socket socket = context.createSocket(SocketType.REQ);
        try {
            ConnectingSockets.configure(socket);
            if (keys != null) {
                keys.applyTo(socket);
            }
            socket.setReceiveTimeOut(REPLY_TIMEOUT_MS);
            socket.connect(endpoint);
            Histogram histogram = LatencyRecorder.newHistogram();
            long completed = 0;
            long refused = 0;
            long stopped = windowEnd;
            while (true) {
                byte[] request = source.get();
                long sent = System.nanoTime();
                if (sent - windowEnd >= 0 && (completed > 0 || sent - windowEnd >= REPLY_TIMEOUT_MS * 1_000_000L)) {
                    stopped = sent;
                    break;
                }
                socket.send(request);
                byte[] reply = socket.recv();
                long received = System.nanoTime();
                if (reply == null) {
                    throw new IllegalStateException("no reply from " + endpoint + " within " + REPLY_TIMEOUT_MS + " ms");
                }
                if (!accepted.test(reply)) {
                    refused++;
                } else if (sent - windowStart >= 0) {
                    histogram.recordValue(LatencyRecorder.micros(sent, received));
                    completed++;
                }
            }
            latency.merge(histogram);
            return new long[] {completed, refused, stopped};
        } finally {
            context.destroySocket(socket);
        }
    }
}
