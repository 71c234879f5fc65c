package org.groupchat.client;

import org.groupchat.protocol.Ops;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.ReplyReader;
import org.groupchat.protocol.Request;

/**
 * Turns a reply frame into the expected record, a {@link ServerErrorException} carrying the server's error, or a
 * {@link ProtocolViolationException} when the reply breaks the protocol. It never throws anything else.
 */
public final class ReplyDecoder {
    private ReplyDecoder() {}

    /** Decodes a reply without knowing the request or the server: only the rules that hold for any such reply. */
    public static <T extends Reply> T decode(byte[] frame, Class<T> type) {
        return decode(frame, null, type, null);
    }

    /** Decodes the reply to {@code request} from the server at {@code endpoint} (named in a violation). */
    public static <T extends Reply> T decode(byte[] frame, Request request, Class<T> type, String endpoint) {
        String op = request == null ? null : Ops.of(request);
        Reply reply;
        try {
            reply = ReplyReader.read(frame, type);
        } catch (ReplyReader.Malformed e) {
            throw new ProtocolViolationException(endpoint, op, e.getMessage());
        }
        if (reply instanceof Reply.Failure failure) {
            throw new ServerErrorException(
                    failure.error().code(),
                    failure.error().message(),
                    failure.error().retryAfterMs());
        }
        T typed = type.cast(reply);
        try {
            ReplyContract.check(typed, request);
        } catch (ReplyContract.Breach breach) {
            throw new ProtocolViolationException(endpoint, op, breach.getMessage());
        }
        return typed;
    }
}
