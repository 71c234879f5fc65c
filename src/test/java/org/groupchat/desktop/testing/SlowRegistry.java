package org.groupchat.desktop.testing;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.GroupInfo;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.ProtocolVersion;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.RequestDecoder;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * A registry on 127.0.0.1 (without security) that answers PING and LIST like the real one, but each reply only
 * {@code delay} after its request: a registry on a machine too busy to answer at once. One thread owns its socket.
 */
public final class SlowRegistry implements AutoCloseable {
    private record Pending(ZMsg request, long dueNanos) {}

    private final ZContext context = new ZContext();
    private final Duration delay;
    private final List<GroupInfo> groups;
    private final CompletableFuture<String> bound = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean running = true;

    private SlowRegistry(Duration delay, List<GroupInfo> groups) {
        this.delay = delay;
        this.groups = List.copyOf(groups);
        this.thread = new Thread(this::serve, "slow-registry");
        thread.setDaemon(true);
    }

    /** Starts one listing {@code groups}; returns once it listens. */
    public static SlowRegistry start(Duration delay, List<GroupInfo> groups) throws Exception {
        SlowRegistry registry = new SlowRegistry(delay, groups);
        registry.thread.start();
        registry.bound.get(10, TimeUnit.SECONDS);
        return registry;
    }

    public String endpoint() {
        return bound.join();
    }

    private void serve() {
        try (ZMQ.Socket socket = context.createSocket(SocketType.ROUTER);
                ZMQ.Poller poller = context.createPoller(1)) {
            socket.setLinger(0);
            bound.complete("tcp://127.0.0.1:" + socket.bindToRandomPort("tcp://127.0.0.1"));
            poller.register(socket, ZMQ.Poller.POLLIN);
            Deque<Pending> waiting = new ArrayDeque<>();
            while (running) {
                poller.poll(20);
                if (poller.pollin(0)) {
                    waiting.add(new Pending(ZMsg.recvMsg(socket), System.nanoTime() + delay.toNanos()));
                }
                while (!waiting.isEmpty() && waiting.peek().dueNanos() <= System.nanoTime()) {
                    ZMsg message = waiting.poll().request();
                    byte[] body = message.pollLast().getData();
                    message.add(Json.write(answer(body)));
                    message.send(socket);
                }
            }
        } catch (RuntimeException e) {
            bound.completeExceptionally(e);
        }
    }

    private Reply answer(byte[] body) {
        try {
            Request request = RequestDecoder.decode(body);
            if (request instanceof Request.Ping) {
                return new Reply.Pong("registry", ProtocolVersion.SOFTWARE, ProtocolVersion.PROTOCOL);
            }
            if (request instanceof Request.ListGroups) {
                return new Reply.GroupList(groups);
            }
            return Reply.Failure.of(ErrorCode.BAD_REQUEST, "this test registry answers PING and LIST only", null);
        } catch (ProtocolException e) {
            return e.toReply();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.close();
    }
}
