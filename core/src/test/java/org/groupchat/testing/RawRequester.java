package org.groupchat.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.groupchat.protocol.Json;
import org.groupchat.security.ClientKeys;
import org.groupchat.transport.ConnectingSockets;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** A bare REQ socket that sends any bytes, for testing what servers do with requests no client library would send. */
public final class RawRequester implements AutoCloseable {
    private final ZContext context = new ZContext(1);
    private final ZMQ.Socket socket;

    public RawRequester(String endpoint) {
        this(endpoint, null);
    }

    /** With {@code keys}, the socket speaks CURVE. */
    public RawRequester(String endpoint, ClientKeys keys) {
        socket = context.createSocket(SocketType.REQ);
        ConnectingSockets.configure(socket);
        if (keys != null) {
            keys.applyTo(socket);
        }
        socket.setReceiveTimeOut(5_000);
        socket.connect(endpoint);
    }

    public JsonNode send(String json) {
        return send(json.getBytes(StandardCharsets.UTF_8));
    }

    public JsonNode send(byte[] frame) {
        socket.send(frame);
        byte[] reply = socket.recv();
        if (reply == null) {
            throw new AssertionError("no reply within 5 s");
        }
        try {
            return Json.mapper().readTree(reply);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the frames as one request (a FILE_CHUNK: JSON, then bytes) and returns every frame of the reply. */
    public List<byte[]> sendFrames(byte[]... frames) {
        for (int i = 0; i < frames.length; i++) {
            socket.send(frames[i], i < frames.length - 1 ? ZMQ.SNDMORE : 0);
        }
        List<byte[]> reply = new ArrayList<>();
        byte[] frame = socket.recv();
        if (frame == null) {
            throw new AssertionError("no reply within 5 s");
        }
        reply.add(frame);
        while (socket.hasReceiveMore()) {
            reply.add(socket.recv());
        }
        return reply;
    }

    @Override
    public void close() {
        context.close();
    }
}
