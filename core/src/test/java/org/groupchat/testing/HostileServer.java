package org.groupchat.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.groupchat.protocol.Json;
import org.groupchat.security.CurveKeyPair;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A ROUTER on a real socket that answers each request with whatever frames {@code answer} returns for it (none:
 * no reply at all), to test what clients do with replies no real server sends. Its own thread owns the socket.
 */
public final class HostileServer implements AutoCloseable {
    private final ZContext context = new ZContext(1);
    private final String endpoint;
    private final Thread thread;
    private final AtomicLong replies = new AtomicLong();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean running = true;

    /** {@code answer} gets the request (as JSON, or null when it is not JSON) and returns the reply frames. */
    public HostileServer(Function<JsonNode, List<byte[]>> answer) {
        this(null, answer);
    }

    /** With {@code keys}, the socket speaks CURVE with that key pair (and takes any client key). */
    public HostileServer(CurveKeyPair keys, Function<JsonNode, List<byte[]>> answer) {
        ZMQ.Socket socket = context.createSocket(SocketType.ROUTER);
        if (keys != null) {
            socket.setCurveServer(true);
            socket.setCurveSecretKey(keys.secretKey().getBytes(ZMQ.CHARSET));
        }
        socket.setLinger(0);
        socket.setReceiveTimeOut(100);
        int port = socket.bindToRandomPort("tcp://127.0.0.1");
        endpoint = "tcp://127.0.0.1:" + port;
        thread = new Thread(() -> serve(socket, answer), "hostile-server-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    public String endpoint() {
        return endpoint;
    }

    /** How many requests it has answered so far. */
    public long replies() {
        return replies.get();
    }

    /** The first exception {@code answer} threw, or null; a test should check it is null. */
    public RuntimeException failure() {
        return failure.get();
    }

    private void serve(ZMQ.Socket socket, Function<JsonNode, List<byte[]>> answer) {
        try {
            while (running) {
                byte[] peer = socket.recv();
                if (peer == null) {
                    continue;
                }
                byte[] delimiter = socket.recv();
                byte[] request = socket.hasReceiveMore() || delimiter == null ? socket.recv() : null;
                while (socket.hasReceiveMore()) {
                    socket.recv();
                }
                List<byte[]> frames;
                try {
                    frames = answer.apply(parse(request));
                } catch (RuntimeException e) {
                    // A bug in the test's answer must fail the test, not look like a server that went quiet.
                    failure.compareAndSet(null, e);
                    continue;
                }
                replies.incrementAndGet();
                if (frames.isEmpty()) {
                    continue;
                }
                socket.sendMore(peer);
                socket.sendMore(new byte[0]);
                for (int i = 0; i < frames.size(); i++) {
                    socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
                }
            }
        } finally {
            socket.close();
        }
    }

    private static JsonNode parse(byte[] request) {
        try {
            return request == null ? null : Json.mapper().readTree(request);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
        context.close();
    }
}
