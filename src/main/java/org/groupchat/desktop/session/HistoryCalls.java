package org.groupchat.desktop.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.groupchat.desktop.fx.UiExecutor;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;

/**
 * The calls that read a group's history for its tab, on the session's command socket: an older page ("load
 * earlier"), everything since a moment ("load since", page after page), and the newest page again. Results go to
 * the listener on the UI thread.
 */
final class HistoryCalls {
    private static final int MAX_SINCE_MESSAGES = 5_000;
    private static final int SINCE_PAGE = 500;
    private final User userRef;
    private final int pageSize;
    private final SessionListener listener;
    private final UiExecutor ui;
    private final Consumer<Call> next;

    /** {@code next} queues a follow-up call ahead of the others (the next page of a "load since"). */
    HistoryCalls(User userRef, int pageSize, SessionListener listener, UiExecutor ui, Consumer<Call> next) {
        this.userRef = userRef;
        this.pageSize = pageSize;
        this.listener = listener;
        this.ui = ui;
        this.next = next;
    }

    /** True when messages older than the first of {@code page} exist. */
    static boolean hasEarlier(List<Message> page) {
        return !page.isEmpty() && page.get(0).seq() > 1;
    }

    Call earlier(long beforeSeq, long giveUpAt) {
        return new Call(
                new Request.Before(userRef, beforeSeq, pageSize),
                Reply.History.class,
                giveUpAt,
                h -> post(() -> listener.earlierLoaded(h.messages(), h.more())),
                e -> post(() -> listener.problem("Could not load earlier messages: " + e.getMessage())),
                reason -> post(() -> listener.problem("Could not load earlier messages: " + reason)));
    }

    Call latest(long giveUpAt) {
        return new Call(
                Request.Fetch.newest(userRef, pageSize),
                Reply.Fetched.class,
                giveUpAt,
                page -> post(() -> listener.latestLoaded(page.messages(), hasEarlier(page.messages()))),
                error -> post(() -> listener.problem("Could not load messages: " + error.getMessage())),
                reason -> post(() -> listener.problem("Could not load messages: " + reason)));
    }

    Call since(long sinceMs, long giveUpAt) {
        return since(sinceMs, new ArrayList<>(), giveUpAt);
    }

    private Call since(long sinceMs, List<Message> collected, long giveUpAt) {
        Request.Fetch fetch = collected.isEmpty()
                ? Request.Fetch.since(userRef, sinceMs, SINCE_PAGE)
                : Request.Fetch.after(
                        userRef, collected.get(collected.size() - 1).seq(), SINCE_PAGE, 0);
        return new Call(
                fetch,
                Reply.Fetched.class,
                giveUpAt,
                page -> {
                    collected.addAll(page.messages());
                    if (page.more() && collected.size() < MAX_SINCE_MESSAGES) {
                        next.accept(since(sinceMs, collected, giveUpAt));
                    } else {
                        List<Message> all = List.copyOf(collected);
                        post(() -> listener.sinceLoaded(all, hasEarlier(all)));
                    }
                },
                error -> post(() -> listener.problem("Could not load messages: " + error.getMessage())),
                reason -> post(() -> listener.problem("Could not load messages: " + reason)));
    }

    private void post(Runnable event) {
        ui.onUi(event);
    }
}
