package org.groupchat.desktop.session;

import java.util.List;
import org.groupchat.client.ProtocolViolationException;
import org.groupchat.client.ServerErrorException;
import org.groupchat.desktop.fx.UiExecutor;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.Reply;

/**
 * What a reply to the live long poll tells the tab: new messages and how far we have read, or a broken server, or
 * that we must join again (NOT_MEMBER) or were shut out (FORBIDDEN).
 */
final class LiveFeedReplies {
    private final LivePoll poll;
    private final ConnectionReports health;
    private final SessionListener listener;
    private final UiExecutor ui;
    private final ReplyOutcomes session;

    LiveFeedReplies(
            LivePoll poll, ConnectionReports health, SessionListener listener, UiExecutor ui, ReplyOutcomes session) {
        this.poll = poll;
        this.health = health;
        this.listener = listener;
        this.ui = ui;
        this.session = session;
    }

    void onReply(byte[] frame, long now) {
        if (frame == null) {
            return;
        }
        try {
            Reply.Fetched reply = poll.decode(frame);
            session.succeeded();
            if (session.historyReplaced(reply)) {
                return;
            }
            if (reply.readSeq() != null) {
                ui.onUi(() -> listener.readUpTo(reply.readSeq()));
            }
            List<Message> fresh = poll.fresh(reply, now);
            if (!fresh.isEmpty()) {
                ui.onUi(() -> listener.arrived(fresh));
            }
        } catch (ProtocolViolationException e) {
            ui.onUi(() -> listener.problem(e.getMessage()));
            session.failed(now);
            poll.pauseUntil(now + health.backoffMs());
        } catch (ServerErrorException e) {
            session.succeeded();
            if (e.code() == ErrorCode.NOT_MEMBER) {
                session.rejoin();
            } else if (e.code() == ErrorCode.FORBIDDEN) {
                ui.onUi(() -> listener.forbidden(e.getMessage()));
            }
            poll.pauseUntil(now + health.backoffMs());
        }
    }
}
