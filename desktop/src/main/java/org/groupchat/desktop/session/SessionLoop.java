package org.groupchat.desktop.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import org.groupchat.client.ServerErrorException;
import org.groupchat.desktop.fx.UiExecutor;
import org.groupchat.protocol.ErrorCode;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** The body of a {@link GroupSession}'s thread: one poller over both REQ sockets and the wake-up pipe. */
final class SessionLoop {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLoop.class);
    private static final int MAX_SINCE_MESSAGES = 5_000;

    private final User user;
    private final User userRef;
    private final UiExecutor ui;
    private final SessionListener listener;
    private final Queue<SessionCommand> inbox;
    private final Pipe.SourceChannel wakeup;
    private final SessionTimings timings;
    private final ConnectionTracker tracker = new ConnectionTracker();
    private final Deque<Call> calls = new ArrayDeque<>();
    private String endpoint;
    private ZContext context;
    private ReqSlot commandSlot;
    private ReqSlot pollSlot;
    private ZMQ.Poller poller;
    private Call current;
    private long nextCallAt;
    private long nextPollAt;
    private long membersDueAt;
    private long afterSeq = -1;
    private boolean running = true;
    private boolean leaving;

    SessionLoop(String endpoint, User user, UiExecutor ui, SessionListener listener, Queue<SessionCommand> inbox,
            Pipe.SourceChannel wakeup, SessionTimings timings) {
        this.endpoint = endpoint;
        this.user = user;
        this.userRef = User.ofId(user.id());
        this.ui = ui;
        this.listener = listener;
        this.inbox = inbox;
        this.wakeup = wakeup;
        this.timings = timings;
    }

    void run() {
        context = new ZContext(1);
        try {
            commandSlot = new ReqSlot(context, endpoint);
            pollSlot = new ReqSlot(context, endpoint);
            rebuildPoller();
            calls.add(joinCall());
            while (running) {
                poller.poll(Math.max(0, Math.min(1_000, nextWakeAt() - now())));
                step();
            }
        } catch (RuntimeException e) {
            LOG.error("session for {} stopped on an error", endpoint, e);
            post(() -> listener.problem("The connection stopped unexpectedly: " + e.getMessage()));
        } finally {
            poller.close();
            context.close();
            try {
                wakeup.close();
            } catch (IOException e) {
                LOG.debug("closing the wake-up pipe", e);
            }
        }
    }

    private void step() {
        if (poller.pollin(0)) {
            drainWakeup();
        }
        for (SessionCommand command; (command = inbox.poll()) != null; ) {
            accept(command);
        }
        long now = now();
        if (poller.pollin(1)) {
            onCommandReply(commandSlot.receive(), now);
        }
        if (poller.pollin(2)) {
            onPollReply(pollSlot.receive(), now);
        }
        if (commandSlot.overdue(now)) {
            onCommandTimeout(now);
        }
        if (pollSlot.overdue(now)) {
            pollSlot.reopen(endpoint);
            rebuildPoller();
            failed(now);
            nextPollAt = now + tracker.backoffMs();
        }
        expireQueued(now);
        issueCommand(now);
        issuePoll(now);
    }

    /** A call still queued behind an unanswered one (e.g. SEND behind a JOIN that gets no reply) fails in time too. */
    private void expireQueued(long now) {
        calls.removeIf(call -> {
            if (call.giveUpAt > now) {
                return false;
            }
            call.gaveUp("no reply from the group server");
            return true;
        });
    }

    private void accept(SessionCommand command) {
        long now = now();
        if (command instanceof SessionCommand.Send send) {
            calls.add(sendCall(send, now + timings.sendGiveUpMs()));
        } else if (command instanceof SessionCommand.Earlier earlier) {
            calls.add(earlierCall(earlier.beforeSeq(), now + 10_000));
        } else if (command instanceof SessionCommand.Since since) {
            calls.add(sinceCall(since.sinceMs(), new ArrayList<>(), now + 10_000));
        } else if (command instanceof SessionCommand.Retarget retarget) {
            retarget(retarget.endpoint());
        } else if (command instanceof SessionCommand.Leave) {
            startLeaving(now);
        } else if (command instanceof SessionCommand.Close) {
            running = false;
        }
    }

    private Call earlierCall(long beforeSeq, long giveUpAt) {
        return new Call(new Request.Before(userRef, beforeSeq, timings.pageSize()), Reply.History.class, giveUpAt,
                h -> post(() -> listener.earlierLoaded(h.messages(), h.more())),
                e -> post(() -> listener.problem("Could not load earlier messages: " + e.getMessage())),
                reason -> post(() -> listener.problem("Could not load earlier messages: " + reason)));
    }

    private Call joinCall() {
        return new Call(new Request.Join(user), Reply.Joined.class, Long.MAX_VALUE, joined -> {
            if (afterSeq < 0) {
                calls.addFirst(newestPageCall());
            }
            membersDueAt = 0;
        }, refused -> post(() -> listener.problem("The group refused to let you join: " + refused.getMessage())),
                reason -> { });
    }

    private Call newestPageCall() {
        return new Call(Request.Fetch.newest(userRef, timings.pageSize()), Reply.Fetched.class, Long.MAX_VALUE,
                page -> {
                    afterSeq = Math.max(afterSeq, page.lastSeq());
                    boolean hasEarlier = !page.messages().isEmpty() && page.messages().get(0).seq() > 1;
                    post(() -> listener.newestPage(page.messages(), hasEarlier));
                }, refused -> post(() -> listener.problem("Could not load messages: " + refused.getMessage())),
                reason -> { });
    }

    private Call sendCall(SessionCommand.Send send, long giveUpAt) {
        return new Call(new Request.Send(userRef, send.messageId(), send.text()), Reply.Sent.class, giveUpAt,
                sent -> post(() -> listener.sent(sent.message())),
                refused -> {
                    if (refused.code() == ErrorCode.RATE_LIMITED && now() < giveUpAt) {
                        calls.addLast(sendCall(send, giveUpAt));
                        long wait = refused.retryAfterMs() == null ? 500 : refused.retryAfterMs();
                        nextCallAt = now() + wait;
                    } else {
                        post(() -> listener.sendFailed(send.messageId(), refused.getMessage()));
                    }
                },
                reason -> post(() -> listener.sendFailed(send.messageId(), reason)));
    }

    private Call sinceCall(long sinceMs, List<Message> collected, long giveUpAt) {
        Request.Fetch fetch = collected.isEmpty()
                ? Request.Fetch.since(userRef, sinceMs, 500)
                : Request.Fetch.after(userRef, collected.get(collected.size() - 1).seq(), 500, 0);
        return new Call(fetch, Reply.Fetched.class, giveUpAt, page -> {
            collected.addAll(page.messages());
            if (page.more() && collected.size() < MAX_SINCE_MESSAGES) {
                calls.addFirst(sinceCall(sinceMs, collected, giveUpAt));
            } else {
                boolean hasEarlier = !collected.isEmpty() && collected.get(0).seq() > 1;
                List<Message> all = List.copyOf(collected);
                post(() -> listener.sinceLoaded(all, hasEarlier));
            }
        }, refused -> post(() -> listener.problem("Could not load messages: " + refused.getMessage())),
                reason -> post(() -> listener.problem("Could not load messages: " + reason)));
    }

    private Call membersCall() {
        return new Call(new Request.Members(userRef), Reply.MemberList.class, 0,
                list -> post(() -> listener.membersChanged(list.members())), refused -> { }, reason -> { });
    }

    private void startLeaving(long now) {
        leaving = true;
        calls.clear();
        calls.add(new Call(new Request.Leave(userRef), Reply.Done.class, now + 3_000,
                done -> running = false, refused -> running = false, reason -> running = false));
    }

    private void retarget(String newEndpoint) {
        if (newEndpoint.equals(endpoint)) {
            return;
        }
        LOG.info("session moves from {} to {}", endpoint, newEndpoint);
        endpoint = newEndpoint;
        if (current != null) {
            calls.addFirst(current);
            current = null;
        }
        commandSlot.reopen(endpoint);
        pollSlot.reopen(endpoint);
        rebuildPoller();
        calls.addFirst(joinCall());
        nextCallAt = 0;
        nextPollAt = 0;
    }

    private void issueCommand(long now) {
        if (commandSlot.busy() || now < nextCallAt) {
            return;
        }
        if (calls.isEmpty() && !leaving && afterSeq >= 0 && now >= membersDueAt) {
            calls.add(membersCall());
            membersDueAt = now + (tracker.healthy() ? timings.membersEveryMs() : tracker.backoffMs());
        }
        current = calls.poll();
        if (current != null) {
            commandSlot.send(Json.write(current.request), timings.commandTimeoutMs(), now);
        }
    }

    private void issuePoll(long now) {
        if (pollSlot.busy() || leaving || afterSeq < 0 || now < nextPollAt || !tracker.healthy()) {
            return;
        }
        int wait = timings.pollWaitMs();
        pollSlot.send(Json.write(Request.Fetch.after(userRef, afterSeq, 200, wait)), wait + 2_000L, now);
    }

    private void onCommandReply(byte[] frame, long now) {
        if (frame == null || current == null) {
            return;
        }
        Call call = current;
        current = null;
        succeeded();
        try {
            call.replied(ReplyDecoder.decode(frame, call.replyType));
        } catch (ServerErrorException e) {
            if (e.code() == ErrorCode.NOT_MEMBER && !leaving) {
                calls.addFirst(call);
                calls.addFirst(joinCall());
            } else {
                call.refused(e);
            }
        }
    }

    private void onCommandTimeout(long now) {
        Call call = current;
        current = null;
        commandSlot.reopen(endpoint);
        rebuildPoller();
        failed(now);
        nextCallAt = now + tracker.backoffMs();
        if (call != null && call.giveUpAt > now) {
            calls.addFirst(call);
        } else if (call != null) {
            call.gaveUp("no reply from the group server");
        }
    }

    private void onPollReply(byte[] frame, long now) {
        if (frame == null) {
            return;
        }
        succeeded();
        try {
            Reply.Fetched fetched = ReplyDecoder.decode(frame, Reply.Fetched.class);
            List<Message> fresh = fetched.messages().stream().filter(m -> m.seq() > afterSeq).toList();
            if (!fresh.isEmpty()) {
                afterSeq = fresh.get(fresh.size() - 1).seq();
                post(() -> listener.arrived(fresh));
            }
            nextPollAt = now;
        } catch (ServerErrorException e) {
            if (e.code() == ErrorCode.NOT_MEMBER) {
                calls.addFirst(joinCall());
            }
            nextPollAt = now + tracker.backoffMs();
        }
    }

    private void succeeded() {
        if (tracker.succeeded()) {
            // after an outage the poll socket's outstanding request may be lost with the old connection
            if (pollSlot.busy()) {
                pollSlot.reopen(endpoint);
                rebuildPoller();
            }
            nextPollAt = 0;
            membersDueAt = 0;
            report();
        }
    }

    private void failed(long now) {
        if (tracker.failed(now)) {
            report();
        }
    }

    private void report() {
        ConnectionState state = tracker.state();
        String where = endpoint;
        post(() -> listener.connectionChanged(state, where));
    }

    private long nextWakeAt() {
        long wake = Math.min(commandSlot.deadline(), pollSlot.deadline());
        if (!commandSlot.busy() && (!calls.isEmpty() || afterSeq >= 0)) {
            wake = Math.min(wake, calls.isEmpty() ? Math.max(nextCallAt, membersDueAt) : nextCallAt);
        }
        if (!pollSlot.busy() && afterSeq >= 0 && tracker.healthy()) {
            wake = Math.min(wake, nextPollAt);
        }
        return wake;
    }

    private void rebuildPoller() {
        if (poller != null) {
            poller.close();
        }
        poller = context.createPoller(3);
        poller.register(wakeup, ZMQ.Poller.POLLIN);
        poller.register(commandSlot.socket(), ZMQ.Poller.POLLIN);
        poller.register(pollSlot.socket(), ZMQ.Poller.POLLIN);
    }

    private void drainWakeup() {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        try {
            while (wakeup.read(buffer) > 0) {
                buffer.clear();
            }
        } catch (IOException e) {
            LOG.debug("reading the wake-up pipe", e);
        }
    }

    private void post(Runnable event) {
        ui.onUi(event);
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }
}
