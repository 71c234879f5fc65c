package org.groupchat.desktop.session;

import java.util.function.Consumer;
import org.groupchat.client.ServerErrorException;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;

/**
 * One request for the command socket: its reply type, what to do with the reply, and until when it is
 * worth retrying after a timeout (a retried SEND keeps its message id, so it is never stored twice).
 */
final class Call {
    final Request request;
    final Class<? extends Reply> replyType;
    final long giveUpAt;
    private final Consumer<Reply> onReply;
    private final Consumer<ServerErrorException> onError;
    private final Consumer<String> onGiveUp;

    @SuppressWarnings("unchecked")
    <T extends Reply> Call(
            Request request,
            Class<T> replyType,
            long giveUpAt,
            Consumer<T> onReply,
            Consumer<ServerErrorException> onError,
            Consumer<String> onGiveUp) {
        this.request = request;
        this.replyType = replyType;
        this.giveUpAt = giveUpAt;
        this.onReply = reply -> onReply.accept((T) reply);
        this.onError = onError;
        this.onGiveUp = onGiveUp;
    }

    void replied(Reply reply) {
        onReply.accept(reply);
    }

    /** The server answered with an error (a refused handshake is another matter: see {@link org.groupchat.transport.ReqSlot}). */
    void answeredWithError(ServerErrorException error) {
        onError.accept(error);
    }

    void gaveUp(String reason) {
        onGiveUp.accept(reason);
    }
}
