package org.groupchat.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.groupchat.launcher.ServersMain;
import org.groupchat.protocol.User;
import org.groupchat.transport.ConnectingSockets;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Start-up and idle cost of a group server run as a child JVM with -Xmx256m: time from launch to its first reply
 * with a long history, its live heap with and without that history, and its CPU while many long polls are parked.
 * The baseline is the echo ROUTER in a child JVM of its own, holding the same polls.
 */
final class IdleScenario {
    static final String MAX_HEAP = "256m";
    private static final double TARGET_CPU_PERCENT = 5;
    private static final double TARGET_STARTUP_MS = 1_000;
    private static final double TARGET_HEAP_GROWTH_MB = 5;
    private static final int POLL_WAIT_MS = 30_000;
    private static final long SETTLE_MS = 3_000;

    private record Observed(
            double startupMs, double restingHeapMb, double cpuPercent, int stillParked, double parkedHeapMb) {}

    private final BenchTarget target;
    private final BenchSettings settings;

    private IdleScenario(BenchTarget target, BenchSettings settings) {
        this.target = target;
        this.settings = settings;
    }

    static void run(BenchTarget target, BenchSettings settings, BenchReport report, HistoryDatabase history)
            throws InterruptedException {
        IdleScenario scenario = new IdleScenario(target, settings);
        Observed echo = scenario.observeEcho();
        Observed full = scenario.observeGroup(history.dataDir(), history.groupName(), history.messages(), true);
        Observed empty = scenario.observeGroup(target.dataDir().resolve("empty"), "bench-empty", 0, false);
        String n = BenchReport.number(history.messages()) + " msgs ";
        String p = settings.parkedPolls() + " parked polls ";
        report.add(Figure.atMost(
                "startup", n + "launch to 1st reply", "ms", full.startupMs(), echo.startupMs(), TARGET_STARTUP_MS));
        report.add(
                Figure.info("startup", "empty group launch to 1st reply", "ms", empty.startupMs(), echo.startupMs()));
        report.add(new Figure(
                "idle",
                p + "CPU",
                "% of a core",
                full.cpuPercent(),
                echo.cpuPercent(),
                "< " + BenchReport.number(TARGET_CPU_PERCENT) + " % of a core",
                full.cpuPercent() < TARGET_CPU_PERCENT));
        report.add(Figure.info("idle", p + "still parked at end", "polls", full.stillParked(), echo.stillParked()));
        report.add(Figure.info("idle", n + "live heap at rest", "MB", full.restingHeapMb(), echo.restingHeapMb()));
        report.add(Figure.info(
                "idle", "empty group live heap at rest", "MB", empty.restingHeapMb(), echo.restingHeapMb()));
        report.add(Figure.atMost(
                "idle",
                "heap growth from " + n.trim(),
                "MB",
                full.restingHeapMb() - empty.restingHeapMb(),
                Double.NaN,
                TARGET_HEAP_GROWTH_MB));
        report.add(Figure.info("idle", p + "live heap", "MB", full.parkedHeapMb(), echo.parkedHeapMb()));
    }

    private Observed observeEcho() throws InterruptedException {
        String endpoint = freeEndpoint();
        try (ChildJvm child = ChildJvm.start(
                MAX_HEAP, EchoServer.class.getName(), List.of(endpoint, Integer.toString(POLL_WAIT_MS)))) {
            double startup = firstReplyMs(child, endpoint);
            double restingHeap = child.liveHeapMb();
            List<byte[]> polls = new ArrayList<>();
            for (int i = 0; i < settings.parkedPolls(); i++) {
                polls.add(BenchUsers.longPoll(new User(UUID.randomUUID().toString(), null), 0, POLL_WAIT_MS));
            }
            return parkAndWatch(child, endpoint, polls, startup, restingHeap);
        }
    }

    private Observed observeGroup(Path dataDir, String name, long lastSeq, boolean park) throws InterruptedException {
        String endpoint = freeEndpoint();
        List<String> args = List.of(
                "--registry-bind",
                "tcp://127.0.0.1:*",
                "--group",
                name + "=" + endpoint,
                "--data-dir",
                dataDir.toString(),
                "--send-rate",
                "0",
                "--max-members",
                "10000");
        try (ChildJvm child = ChildJvm.start(MAX_HEAP, ServersMain.class.getName(), args)) {
            double startup = firstReplyMs(child, endpoint);
            double restingHeap = child.liveHeapMb();
            if (!park) {
                return new Observed(startup, restingHeap, Double.NaN, 0, Double.NaN);
            }
            List<byte[]> polls = new ArrayList<>();
            for (User user : BenchUsers.join(target.clients(), endpoint, settings.parkedPolls(), "idle")) {
                polls.add(BenchUsers.longPoll(user, lastSeq, POLL_WAIT_MS));
            }
            return parkAndWatch(child, endpoint, polls, startup, restingHeap);
        }
    }

    /** Parks one poll per socket, lets the connections settle, then reads the server's CPU time over the idle window. */
    private Observed parkAndWatch(
            ChildJvm child, String endpoint, List<byte[]> polls, double startupMs, double restingHeapMb)
            throws InterruptedException {
        ZContext context = target.clients();
        List<ZMQ.Socket> sockets = new ArrayList<>();
        try {
            for (byte[] poll : polls) {
                ZMQ.Socket socket = context.createSocket(SocketType.REQ);
                ConnectingSockets.configure(socket);
                socket.connect(endpoint);
                socket.send(poll);
                sockets.add(socket);
            }
            // Not a wait for a condition: handshakes and the server's JIT finish before the measured window opens.
            Thread.sleep(Math.min(SETTLE_MS, settings.idleMs()));
            double cpuBefore = child.cpuSeconds();
            long before = System.nanoTime();
            Thread.sleep(settings.idleMs());
            double cpuPercent = 100 * (child.cpuSeconds() - cpuBefore) / ((System.nanoTime() - before) / 1e9);
            int stillParked = 0;
            for (ZMQ.Socket socket : sockets) {
                if (socket.recv(ZMQ.DONTWAIT) == null) {
                    stillParked++;
                }
            }
            return new Observed(startupMs, restingHeapMb, cpuPercent, stillParked, child.liveHeapMb());
        } finally {
            sockets.forEach(context::destroySocket);
        }
    }

    private double firstReplyMs(ChildJvm child, String endpoint) {
        return FirstReply.millisSince(child.startedNanos(), target.clients(), endpoint);
    }

    static String freeEndpoint() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "tcp://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
