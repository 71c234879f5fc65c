package org.groupchat.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Request;
import org.groupchat.transport.ConnectingSockets;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** How long a server took from being started until it answered a PING (the echo answers with the PING itself). */
final class FirstReply {
    private static final int PATIENCE_MS = 30_000;
    // JeroMQ stalls about 1 in 60 handshakes for the 1 s handshake limit; three connections make that 1 in 216,000.
    private static final int CONNECTIONS = 3;

    private FirstReply() {}

    static double millisSince(long startedNanos, ZContext context, String endpoint) {
        List<ZMQ.Socket> sockets = new ArrayList<>();
        ZMQ.Poller poller = context.createPoller(CONNECTIONS);
        try {
            for (int i = 0; i < CONNECTIONS; i++) {
                ZMQ.Socket socket = context.createSocket(SocketType.REQ);
                sockets.add(socket);
                ConnectingSockets.configure(socket);
                // Redial every 10 ms while the server is not listening yet, so the figure is not rounded up to 100 ms.
                socket.setReconnectIVL(10);
                socket.setReconnectIVLMax(10);
                socket.connect(endpoint);
                socket.send(Json.write(new Request.Ping()));
                poller.register(socket, ZMQ.Poller.POLLIN);
            }
            if (poller.poll(PATIENCE_MS) <= 0) {
                throw new IllegalStateException(
                        endpoint + " did not answer within " + PATIENCE_MS + " ms of its start");
            }
            return (System.nanoTime() - startedNanos) / 1e6;
        } finally {
            poller.close();
            sockets.forEach(context::destroySocket);
        }
    }
}
