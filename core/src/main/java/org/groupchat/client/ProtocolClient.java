package org.groupchat.client;

import java.time.Duration;
import java.util.function.BiFunction;
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
    private final ZContext context;
    private final ClientOptions options;
    private final ClientKeys keys;
    private ReqChannel channel;
    private FilePipe filePipe;

    ProtocolClient(ZContext context, String endpoint, ClientOptions options, ClientKeys keys) {
        this.context = context;
        this.options = options;
        this.keys = keys;
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

    /** The same bytes go to each server the call follows the group to, so a SEND keeps its message id. */
    final <T extends Reply> T call(Request request, Class<T> replyType, Duration extraWait) {
        byte[] bytes = Json.write(request);
        for (int moves = 0; ; moves++) {
            try {
                return ReplyDecoder.decode(channel.call(bytes, extraWait), request, replyType, channel.endpoint());
            } catch (ServerUnreachableException unreachable) {
                String next = elsewhere(moves);
                if (next == null) {
                    throw unreachable;
                }
                channel.close();
                channel = new ReqChannel(context, next, options, keys);
            }
        }
    }

    /**
     * A file op (1.5): {@code bytes} (may be null) travel in a second request frame; the reply's binary frame, if any,
     * is handed to {@code withBytes}.
     */
    final <T extends Reply> T callWithBytes(
            Request request, byte[] bytes, Class<T> replyType, BiFunction<T, byte[], T> withBytes) {
        byte[] json = Json.write(request);
        for (int moves = 0; ; moves++) {
            try {
                ReqChannel.Frames frames = channel.callWithBytes(json, bytes, Duration.ZERO);
                T reply = ReplyDecoder.decode(frames.json(), request, replyType, channel.endpoint());
                return frames.bytes() == null ? reply : withBytes.apply(reply, frames.bytes());
            } catch (ServerUnreachableException unreachable) {
                String next = elsewhere(moves);
                if (next == null) {
                    throw unreachable;
                }
                channel.close();
                channel = new ReqChannel(context, next, options, keys);
            }
        }
    }

    /**
     * A DEALER to where the client talks now, with its keys, for file ops in flight; used by the client's thread. It
     * stays open from one transfer to the next: about 1 in 60 new JeroMQ connections stalls its handshake for 1 s.
     */
    FilePipe filePipe() {
        if (filePipe != null && !filePipe.endpoint().equals(channel.endpoint())) {
            dropFilePipe();
        }
        if (filePipe == null) {
            filePipe = new FilePipe(channel.context(), channel.endpoint(), keys);
        }
        return filePipe;
    }

    /** Closes the file pipe after a silence or with ops still in flight, so no late reply meets the next transfer. */
    void dropFilePipe() {
        if (filePipe != null) {
            filePipe.close();
            filePipe = null;
        }
    }

    /** How long a reply may take before the request counts as lost. */
    long replyTimeoutMs() {
        return options.timeout().toMillis();
    }

    /** Where to try again after the server did not answer the {@code moves}+1st time in one call, or null to give up. */
    String elsewhere(int moves) {
        return null;
    }

    @Override
    public void close() {
        dropFilePipe();
        channel.close();
    }
}
