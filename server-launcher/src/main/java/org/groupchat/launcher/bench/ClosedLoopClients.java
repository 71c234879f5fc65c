package org.groupchat.launcher.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.groupchat.security.ClientKeys;
import org.groupchat.transport.ConnectingSockets;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Clients that each keep exactly one request outstanding on a REQ socket of their own for a fixed time and time
 * every round trip. The same clients drive a GroupChat server and the echo baseline <em>in turns</em>: the run is cut
 * into short slices given to the targets in the order A B B A A B..., so a change in the machine's load while
 * it runs falls on every target alike, and their ratio compares like with like.
 */
final class ClosedLoopClients {
    private static final int REPLY_TIMEOUT_MS = 10_000;
    private static final long SLICE_MS = 250;

    /**
     * One server to load: where it listens, the CURVE keys client i uses for it (null: none), client i's request
     * source for it, and the replies that count.
     */
    record Target(
            String endpoint,
            IntFunction<ClientKeys> keys,
            IntFunction<Supplier<byte[]>> requests,
            Predicate<byte[]> accepted) {
        static Target plain(String endpoint, IntFunction<Supplier<byte[]>> requests, Predicate<byte[]> accepted) {
            return new Target(endpoint, i -> null, requests, accepted);
        }
    }

    /**
     * What a run measured of one target: the timed round trips, the refusals, the seconds given to it, the latencies,
     * and every round trip made with it (warm-up included).
     */
    record Outcome(long completed, long refused, double seconds, LatencyRecorder latency, long roundTrips) {
        double perSecond() {
            return completed / seconds;
        }
    }

    private ClosedLoopClients() {}

    /**
     * Runs {@code clients} threads for warmup + duration, each with a REQ socket per target, turning between the
     * targets every slice; round trips sent after the warm-up count for the target of the slice they were sent in. A
     * client that has not timed a round trip with a target when the window ends (a very busy machine, a tiny smoke
     * window) sends it one more, so every figure has a value.
     */
    static List<Outcome> inTurns(ZContext context, List<Target> targets, int clients, long warmupMs, long durationMs)
            throws InterruptedException {
        Turns turns = new Turns(targets.size(), warmupMs, durationMs);
        List<LatencyRecorder> latencies = new ArrayList<>();
        targets.forEach(t -> latencies.add(new LatencyRecorder()));
        AtomicLongArray completed = new AtomicLongArray(targets.size());
        AtomicLongArray refused = new AtomicLongArray(targets.size());
        AtomicLongArray roundTrips = new AtomicLongArray(targets.size());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            Thread thread = new Thread(
                    () -> {
                        try {
                            new Client(context, targets, client, turns)
                                    .drive(latencies, completed, refused, roundTrips);
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    },
                    "bench-client-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(
                    "a bench client failed: " + failures.get(0).getMessage(), failures.get(0));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            outcomes.add(new Outcome(
                    completed.get(t),
                    refused.get(t),
                    turns.measuredSecondsPerTarget(),
                    latencies.get(t),
                    roundTrips.get(t)));
        }
        return outcomes;
    }

    /** Which target a moment belongs to: slices of the run given out A B B A A B ... (A B C C B A ... for three). */
    private static final class Turns {
        private final int targets;
        private final long start = System.nanoTime();
        private final long windowStart;
        private final long windowEnd;
        private final long sliceNanos;

        Turns(int targets, long warmupMs, long durationMs) {
            this.targets = targets;
            windowStart = start + warmupMs * 1_000_000L;
            windowEnd = windowStart + durationMs * 1_000_000L;
            // Whole rounds in the measured window, so each target gets the same share of it.
            long rounds = Math.max(1, durationMs / (SLICE_MS * 2 * targets)) * 2;
            sliceNanos = Math.max(1, durationMs * 1_000_000L / (rounds * targets));
        }

        int targetAt(long now) {
            long slice = (now - (measured(now) ? windowStart : start)) / sliceNanos;
            int round = (int) (slice / targets % 2);
            int position = (int) (slice % targets);
            return round == 0 ? position : targets - 1 - position;
        }

        boolean measured(long now) {
            return now - windowStart >= 0;
        }

        boolean over(long now) {
            return now - windowEnd >= 0;
        }

        double measuredSecondsPerTarget() {
            return (windowEnd - windowStart) / 1e9 / targets;
        }
    }

    /** One client thread: its sockets, one per target, are made, used and closed on this thread only. */
    private static final class Client {
        private final ZContext context;
        private final List<Target> targets;
        private final Turns turns;
        private final List<ZMQ.Socket> sockets = new ArrayList<>();
        private final List<Supplier<byte[]>> sources = new ArrayList<>();

        Client(ZContext context, List<Target> targets, int client, Turns turns) {
            this.context = context;
            this.targets = targets;
            this.turns = turns;
            for (Target target : targets) {
                ZMQ.Socket socket = context.createSocket(SocketType.REQ);
                ConnectingSockets.configure(socket);
                ClientKeys keys = target.keys().apply(client);
                if (keys != null) {
                    keys.applyTo(socket);
                }
                socket.setReceiveTimeOut(REPLY_TIMEOUT_MS);
                socket.connect(target.endpoint());
                sockets.add(socket);
                sources.add(target.requests().apply(client));
            }
        }

        void drive(
                List<LatencyRecorder> latencies,
                AtomicLongArray completed,
                AtomicLongArray refused,
                AtomicLongArray roundTrips) {
            List<Histogram> histograms = new ArrayList<>();
            long[] done = new long[targets.size()];
            long[] refusedHere = new long[targets.size()];
            long[] trips = new long[targets.size()];
            targets.forEach(t -> histograms.add(LatencyRecorder.newHistogram()));
            try {
                while (true) {
                    long sent = System.nanoTime();
                    int t = turns.over(sent) ? firstUntimed(done) : turns.targetAt(sent);
                    if (t < 0 || turns.over(sent - REPLY_TIMEOUT_MS * 1_000_000L)) {
                        break;
                    }
                    byte[] reply = roundTrip(t, sources.get(t).get());
                    long received = System.nanoTime();
                    trips[t]++;
                    if (!targets.get(t).accepted().test(reply)) {
                        refusedHere[t]++;
                    } else if (turns.measured(sent)) {
                        histograms.get(t).recordValue(LatencyRecorder.micros(sent, received));
                        done[t]++;
                    }
                }
            } finally {
                sockets.forEach(context::destroySocket);
            }
            for (int t = 0; t < targets.size(); t++) {
                latencies.get(t).merge(histograms.get(t));
                completed.addAndGet(t, done[t]);
                refused.addAndGet(t, refusedHere[t]);
                roundTrips.addAndGet(t, trips[t]);
            }
        }

        private int firstUntimed(long[] done) {
            for (int t = 0; t < done.length; t++) {
                if (done[t] == 0) {
                    return t;
                }
            }
            return -1;
        }

        private byte[] roundTrip(int target, byte[] request) {
            ZMQ.Socket socket = sockets.get(target);
            socket.send(request);
            byte[] reply = socket.recv();
            if (reply == null) {
                throw new IllegalStateException(
                        "no reply from " + targets.get(target).endpoint() + " within " + REPLY_TIMEOUT_MS + " ms");
            }
            return reply;
        }
    }
}
