package org.groupchat.desktop.session;

import org.groupchat.client.ProtocolViolationException;
import org.groupchat.client.ReplyDecoder;
import org.groupchat.client.ReplyFrames;
import org.groupchat.client.ServerErrorException;
import org.groupchat.desktop.fx.UiExecutor;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Reply;
import org.groupchat.transport.ReqSlot;

/**
 * What a reply on the command socket means for the call in flight: its answer or its error, a broken server (the call
 * is asked again after a backoff), or NOT_MEMBER (JOIN first, then the call again).
 */
final class CommandReplies {
    private final CommandQueue calls;
    private final ReqSlot slot;
    private final ConnectionReports health;
    private final SessionListener listener;
    private final UiExecutor ui;
    private final ReplyOutcomes session;

    CommandReplies(
            CommandQueue calls,
            ReqSlot slot,
            ConnectionReports health,
            SessionListener listener,
            UiExecutor ui,
            ReplyOutcomes session) {
        this.calls = calls;
        this.slot = slot;
        this.health = health;
        this.listener = listener;
        this.ui = ui;
        this.session = session;
    }

    void onReply(byte[] frame, long now, GroupAddress address) {
        Call call = frame == null ? null : calls.finish();
        if (call == null) {
            return;
        }
        Reply reply;
        try {
            ReplyFrames.check(slot);
            reply = ReplyDecoder.decode(frame, call.request, call.replyType, address.endpoint());
        } catch (ProtocolViolationException e) {
            // not the group's answer but a broken server: said in the tab, and asked again later as after a timeout
            ui.onUi(() -> listener.problem(e.getMessage()));
            calls.addFirst(call);
            session.failed(now);
            session.reopenCommandSlot();
            calls.pauseUntil(now + health.backoffMs());
            return;
        } catch (ServerErrorException e) {
            session.succeeded();
            if (e.code() == ErrorCode.NOT_MEMBER && !session.leaving()) {
                calls.addFirst(call);
                session.rejoin();
            } else {
                call.answeredWithError(e);
            }
            return;
        }
        session.succeeded();
        if (!session.historyReplaced(reply)) {
            call.replied(reply);
        }
    }
}
