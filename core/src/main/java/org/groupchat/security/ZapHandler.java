package org.groupchat.security;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * The ZAP handler (ZeroMQ RFC 27) of one context: accepts every CURVE client that completed the handshake and
 * names it by its public key (Z85), which then arrives with each of its messages as the "User-Id" property.
 * Whether that key may do anything is the server's decision, made per request, so a refusal can say why.
 * Bound and served by the server thread that owns the context's ROUTER.
 */
public final class ZapHandler {
    public static final String ENDPOINT = "inproc://zeromq.zap.01";
    private static final Logger LOG = LoggerFactory.getLogger(ZapHandler.class);

    private final ZMQ.Socket socket;

    /** Binds the handler; must happen before the secure socket binds, or connections would go unauthenticated. */
    public ZapHandler(ZContext context) {
        socket = context.createSocket(SocketType.REP);
        socket.bind(ENDPOINT);
    }

    public int register(ZMQ.Poller poller) {
        return poller.register(socket, ZMQ.Poller.POLLIN);
    }

    /** Answers every request waiting, without blocking. */
    public void answerPending() {
        ZMsg request;
        while ((request = ZMsg.recvMsg(socket, ZMQ.DONTWAIT)) != null) {
            answer(request);
        }
    }

    private void answer(ZMsg request) {
        List<byte[]> frames = new ArrayList<>();
        request.forEach(frame -> frames.add(frame.getData()));
        request.destroy();
        String version = frames.size() > 0 ? new String(frames.get(0), ZMQ.CHARSET) : "";
        byte[] requestId = frames.size() > 1 ? frames.get(1) : new byte[0];
        String mechanism = frames.size() > 5 ? new String(frames.get(5), ZMQ.CHARSET) : "";
        boolean curve = "1.0".equals(version) && "CURVE".equals(mechanism) && frames.size() > 6
                && frames.get(6).length == ZMQ.Curve.KEY_SIZE;
        ZMsg reply = new ZMsg();
        reply.add("1.0");
        reply.add(requestId);
        if (curve) {
            reply.add("200");
            reply.add("OK");
            reply.add(ZMQ.Curve.z85Encode(frames.get(6)));
        } else {
            LOG.warn("refused a {} handshake: only CURVE clients are served", mechanism.isEmpty() ? "malformed" : mechanism);
            reply.add("400");
            reply.add("only CURVE is accepted");
            reply.add("");
        }
        reply.add(new byte[0]);
        reply.send(socket);
    }
}
