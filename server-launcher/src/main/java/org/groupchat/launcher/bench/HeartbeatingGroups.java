package org.groupchat.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.groupchat.protocol.GroupRef;
import org.groupchat.protocol.GroupStats;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Request;
import org.groupchat.transport.ConnectingSockets;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Many groups renewing their registry leases, as real group servers do: one DEALER on its own thread sends each
 * group's REGISTER once per heartbeat interval, spread evenly over it, and reads the replies.
 */
final class HeartbeatingGroups implements AutoCloseable {
    static final long HEARTBEAT_MS = 2_000;

    private final List<byte[]> registers = new ArrayList<>();
    private final CompletableFuture<Void> allRegistered = new CompletableFuture<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile boolean running = true;

    private HeartbeatingGroups(int count) {
        for (int i = 0; i < count; i++) {
            String name = String.format("bench-group-%05d", i);
            registers.add(Json.write(new Request.Register(
                    new GroupRef(name, "tcp://127.0.0.1:" + (20_000 + i)), new GroupStats(10, 3, 1_000 + i))));
        }
    }

    /** Starts heartbeating and returns once every group has had its first REGISTER answered. */
    static HeartbeatingGroups start(ZContext context, String registry, int count) {
        HeartbeatingGroups groups = new HeartbeatingGroups(count);
        new Thread(() -> groups.run(context, registry), "bench-heartbeats").start();
        groups.allRegistered.join();
        return groups;
    }

    private void run(ZContext context, String registry) {
        ZMQ.Socket dealer = context.createSocket(SocketType.DEALER);
        ZMQ.Poller poller = context.createPoller(1);
        try {
            ConnectingSockets.configure(dealer);
            dealer.connect(registry);
            poller.register(dealer, ZMQ.Poller.POLLIN);
            long spacing = HEARTBEAT_MS * 1_000_000L / registers.size();
            long next = System.nanoTime();
            long replies = 0;
            int i = 0;
            while (running) {
                long now = System.nanoTime();
                if (now - next >= 0) {
                    dealer.sendMore(new byte[0]);
                    dealer.send(registers.get(i));
                    i = (i + 1) % registers.size();
                    next += spacing;
                }
                poller.poll(Math.max(0, (next - System.nanoTime()) / 1_000_000L));
                while (dealer.recv(ZMQ.DONTWAIT) != null) {
                    if (!dealer.hasReceiveMore() && ++replies == registers.size()) {
                        allRegistered.complete(null);
                    }
                }
            }
        } catch (RuntimeException e) {
            allRegistered.completeExceptionally(e);
        } finally {
            poller.close();
            context.destroySocket(dealer);
            stopped.complete(null);
        }
    }

    @Override
    public void close() {
        running = false;
        stopped.join();
    }
}
