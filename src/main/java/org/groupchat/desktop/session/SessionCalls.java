package org.groupchat.desktop.session;

import java.util.List;
import java.util.function.LongSupplier;
import org.groupchat.desktop.fx.UiExecutor;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;

/**
 * The calls a session makes for its tab besides history ({@link HistoryCalls}): JOIN, the newest page, SEND (waiting
 * as long as a RATE_LIMITED reply asks), MEMBERS and LEAVE, each with what its reply or error tells the tab.
 */
final class SessionCalls {
    private final User user;
    private final User userRef;
    private final SessionTimings timings;
    private final SessionListener listener;
    private final UiExecutor ui;
    private final CommandQueue queue;
    private final LongSupplier clock;

    SessionCalls(
            User user,
            SessionTimings timings,
            SessionListener listener,
            UiExecutor ui,
            CommandQueue queue,
            LongSupplier clock) {
        this.user = user;
        this.userRef = User.ofId(user.id());
        this.timings = timings;
        this.listener = listener;
        this.ui = ui;
        this.queue = queue;
        this.clock = clock;
    }

    /** JOIN; once in, the newest page (the first time) and {@code onJoined}. */
    Call join(LivePoll poll, Runnable onJoined) {
        return new Call(
                new Request.Join(user),
                Reply.Joined.class,
                Long.MAX_VALUE,
                joined -> {
                    if (!poll.started()) {
                        queue.addFirst(newestPage(poll));
                        queue.addFirst(features());
                    }
                    post(() -> listener.joined(Boolean.TRUE.equals(joined.owner()), joined.readSeq()));
                    onJoined.run();
                },
                error -> post(() -> listener.problem("The group refused to let you join: " + error.getMessage())),
                reason -> {});
    }

    private Call newestPage(LivePoll poll) {
        return new Call(
                Request.Fetch.newest(userRef, timings.pageSize()),
                Reply.Fetched.class,
                Long.MAX_VALUE,
                page -> {
                    poll.continueAfter(page.lastSeq());
                    post(() -> listener.newestPage(page.messages(), HistoryCalls.hasEarlier(page.messages())));
                },
                error -> post(() -> listener.problem("Could not load messages: " + error.getMessage())),
                reason -> {});
    }

    private Call features() {
        return new Call(
                new Request.Ping(),
                Reply.Pong.class,
                Long.MAX_VALUE,
                pong -> post(() -> listener.featuresKnown(pong.features() == null ? List.of() : pong.features())),
                error -> {},
                reason -> {});
    }

    Call markRead(long seq, long giveUpAt) {
        return new Call(
                new Request.MarkRead(userRef, seq),
                Reply.MarkedRead.class,
                giveUpAt,
                marked -> post(() -> listener.readUpTo(marked.readSeq())),
                error -> {},
                reason -> {});
    }

    Call search(SessionCommand.Search search, long giveUpAt) {
        return new Call(
                new Request.Search(userRef, search.query(), null, search.beforeSeq()),
                Reply.SearchHits.class,
                giveUpAt,
                found -> post(() ->
                        listener.searchFound(search.query(), found.hits(), found.more(), search.beforeSeq() != null)),
                error -> post(() -> listener.searchFailed(search.query(), error.getMessage())),
                reason -> post(() -> listener.searchFailed(search.query(), reason)));
    }

    /** The one message {@code seq}, for the quote of a reply to a message not loaded. */
    Call quoted(long seq, long giveUpAt) {
        return new Call(
                Request.Fetch.after(userRef, seq - 1, 1, 0),
                Reply.Fetched.class,
                giveUpAt,
                page -> post(() -> listener.quotedLoaded(
                        page.messages().stream().filter(m -> m.seq() == seq).toList())),
                error -> {},
                reason -> {});
    }

    Call send(SessionCommand.Send send, long giveUpAt) {
        Request.Send e = send.entry();
        Request.Send entry = new Request.Send(
                userRef, e.id(), e.text(), e.kind(), e.replyTo(), e.target(), e.emoji(), e.member(), e.mentions());
        return new Call(
                entry,
                Reply.Sent.class,
                giveUpAt,
                sent -> post(() -> listener.sent(sent.message())),
                error -> {
                    long now = clock.getAsLong();
                    if (error.code() == ErrorCode.RATE_LIMITED && now < giveUpAt) {
                        queue.addFirst(send(send, giveUpAt)); // ahead of the later ones: order is kept
                        queue.pauseUntil(now
                                + (error.retryAfterMs() == null ? timings.rateLimitedWaitMs() : error.retryAfterMs()));
                    } else {
                        post(() -> listener.sendFailed(send.messageId(), error.getMessage()));
                    }
                },
                reason -> post(() -> listener.sendFailed(send.messageId(), reason)));
    }

    Call members() {
        return new Call(
                new Request.Members(userRef),
                Reply.MemberList.class,
                0,
                list -> post(() -> listener.membersChanged(list.members())),
                error -> {},
                reason -> {});
    }

    /** LEAVE; {@code then} runs whatever the answer, or none. */
    Call leave(long giveUpAt, Runnable then) {
        return new Call(
                new Request.Leave(userRef),
                Reply.Done.class,
                giveUpAt,
                done -> then.run(),
                error -> then.run(),
                reason -> then.run());
    }

    private void post(Runnable event) {
        ui.onUi(event);
    }
}
