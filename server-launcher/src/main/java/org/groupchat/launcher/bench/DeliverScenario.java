package org.groupchat.launcher.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.User;
import org.groupchat.transport.ConnectingSockets;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * M members long-poll one group while a sender posts at a steady rate; each delivery is timed from just before
 * the SEND left the sender to the member's FETCH reply. The baseline is an echo ROUTER that holds the polls.
 */
final class DeliverScenario {
    private static final int WAIT_MS = 1_000;
    private static final double TARGET_P50_MS = 2;
    private static final double TARGET_P99_MS = 20;

    private final ZContext context;
    private final String endpoint;
    private final List<User> members;
    private final User sender;
    private final BenchSettings settings;
    private final Map<String, Long> sentAtNanos = new ConcurrentHashMap<>();
    private final LatencyRecorder latency = new LatencyRecorder();
    private final List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
    private static final byte[] PING = "{\"op\":\"PING\"}".getBytes(StandardCharsets.UTF_8);

    private final CountDownLatch senderReady = new CountDownLatch(1);
    private volatile long windowStart;
    private volatile long windowEnd;

    private DeliverScenario(
            ZContext context, String endpoint, List<User> members, User sender, BenchSettings settings) {
        this.context = context;
        this.endpoint = endpoint;
        this.members = members;
        this.sender = sender;
        this.settings = settings;
    }

    static void run(BenchTarget target, BenchSettings settings, BenchReport report) throws InterruptedException {
        String group = target.group("bench-deliver");
        List<User> users = BenchUsers.join(target.clients(), group, settings.members() + 1, "member");
        User sender = users.get(0);
        List<User> members = users.subList(1, users.size());
        LatencyRecorder baseline;
        try (EchoServer echo = EchoServer.start(WAIT_MS)) {
            baseline = new DeliverScenario(target.clients(), echo.endpoint(), members, sender, settings).measure();
        }
        LatencyRecorder server = new DeliverScenario(target.clients(), group, members, sender, settings).measure();
        String m = "M=" + members.size() + " ";
        report.add(
                Figure.atMost("deliver", m + "p50", "ms", server.millisAt(50), baseline.millisAt(50), TARGET_P50_MS));
        report.add(
                Figure.atMost("deliver", m + "p99", "ms", server.millisAt(99), baseline.millisAt(99), TARGET_P99_MS));
        report.add(Figure.info("deliver", m + "deliveries timed", "count", server.count(), baseline.count()));
        target.stopServers();
    }

    private LatencyRecorder measure() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            User member = members.get(i);
            Thread thread = new Thread(failingLoudly(() -> poll(member)), "bench-member-" + i);
            threads.add(thread);
            thread.start();
        }
        Thread senderThread = new Thread(failingLoudly(this::post), "bench-sender");
        senderThread.start();
        senderThread.join();
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("deliver failed: " + failures.get(0).getMessage(), failures.get(0));
        }
        return latency;
    }

    private Runnable failingLoudly(Runnable body) {
        return () -> {
            try {
                body.run();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        };
    }

    private void post() {
        ZMQ.Socket socket = connect();
        try {
            // The window opens once the sender is connected: a stalled first handshake (JeroMQ's, about 1 in 60,
            // up to 1 s) would otherwise push every SEND past a short window and leave nothing timed.
            socket.send(PING);
            if (socket.recv() == null) {
                throw new IllegalStateException("no reply to a PING from " + endpoint);
            }
            windowStart = System.nanoTime() + settings.warmupMs() * 1_000_000L;
            windowEnd = windowStart + settings.durationMs() * 1_000_000L;
            senderReady.countDown();
            long interval = 1_000_000_000L / settings.sendsPerSecond();
            long next = System.nanoTime();
            while (next - windowEnd < 0) {
                LockSupport.parkNanos(next - System.nanoTime());
                byte[] request = BenchUsers.send(sender, "delivery probe");
                sentAtNanos.put(Json.mapper().readTree(request).get("id").asText(), System.nanoTime());
                socket.send(request);
                if (socket.recv() == null) {
                    throw new IllegalStateException("no reply to a SEND from " + endpoint);
                }
                next += interval;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            context.destroySocket(socket);
        }
    }

    private void poll(User member) {
        ZMQ.Socket socket = connect();
        Histogram histogram = LatencyRecorder.newHistogram();
        long afterSeq = -1;
        try {
            awaitSender();
            // Polling goes on one wait past the window, so a message posted near its end is still timed.
            long pollUntil = windowEnd + WAIT_MS * 1_000_000L;
            while (System.nanoTime() - pollUntil < 0) {
                socket.send(BenchUsers.longPoll(member, Math.max(0, afterSeq), WAIT_MS));
                byte[] reply = socket.recv();
                long received = System.nanoTime();
                if (reply == null) {
                    throw new IllegalStateException("no reply to a long poll from " + endpoint);
                }
                JsonNode tree = Json.mapper().readTree(reply);
                // Both a FETCH reply and the echoed SEND carry the message ids as "id" fields; user ids never match.
                for (JsonNode id : tree.findValues("id")) {
                    Long sent = sentAtNanos.get(id.asText());
                    if (sent != null && sent - windowStart >= 0 && sent - windowEnd <= 0) {
                        histogram.recordValue(LatencyRecorder.micros(sent, received));
                    }
                }
                afterSeq = tree.path("lastSeq").asLong(afterSeq);
            }
            latency.merge(histogram);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            context.destroySocket(socket);
        }
    }

    private void awaitSender() {
        try {
            if (!senderReady.await(WAIT_MS + 10_000, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the sender did not connect to " + endpoint);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private ZMQ.Socket connect() {
        ZMQ.Socket socket = context.createSocket(SocketType.REQ);
        ConnectingSockets.configure(socket);
        socket.setReceiveTimeOut(WAIT_MS + 10_000);
        socket.connect(endpoint);
        return socket;
    }
}
