package org.groupchat.client;

import java.time.Duration;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.security.ClientKeys;
import org.zeromq.ZContext;

/**
 * Sends typed requests over a {@link ReqChannel} and turns replies into records within the contract, or typed
 * exceptions: the server's refusal, a reply that broke the protocol, or no reply.
 */
abstract class ProtocolClient implements AutoCloseable {
    private final ReqChannel channel;

    ProtocolClient(ZContext context, String endpoint, ClientOptions options, ClientKeys keys) {
        this.channel = new ReqChannel(context, endpoint, options, keys);
    }

    public String endpoint() {
        return channel.endpoint();
    }

    public Reply.Pong ping() {
        return call(new Request.Ping(), Reply.Pong.class);
    }

    final <T extends Reply> T call(Request request, Class<T> replyType) {
        return call(request, replyType, Duration.ZERO);
    }

    final <T extends Reply> T call(Request request, Class<T> replyType, Duration extraWait) {
        return ReplyDecoder.decode(channel.call(Json.write(request), extraWait), request, replyType, channel.endpoint());
    }

    @Override
    public void close() {
        channel.close();
    }
}
