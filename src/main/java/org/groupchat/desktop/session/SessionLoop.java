package org.groupchat.desktop.session;

import java.nio.channels.Pipe;
import java.util.Queue;
import org.groupchat.desktop.fx.UiExecutor;
import org.groupchat.protocol.Json;
import org.groupchat.protocol.Reply;
import org.groupchat.protocol.User;
import org.groupchat.transport.Contexts;
import org.groupchat.transport.HandshakeWatch;
import org.groupchat.transport.ReqSlot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

/**
 * The body of a {@link GroupSession}'s thread: JOIN, the newest page, then a live long poll, with the UI's
 * commands (SEND, history, LEAVE) on the command socket, heartbeats (MEMBERS) and reconnects with backoff.
 * An unexpected error in a step (even an {@link AssertionError} from inside JeroMQ) is logged and the session goes on with
 * fresh sockets, as after a timeout.
 */
final class SessionLoop implements CommandIntake.Control, ReplyOutcomes {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLoop.class);

    private final User userRef;
    private final UiExecutor ui;
    private final SessionListener listener;
    private final Queue<SessionCommand> inbox;
    private final Pipe.SourceChannel wakeup;
    private final SessionTimings timings;
    private final ConnectionReports health;
    private final CommandQueue calls = new CommandQueue();
    private final HistoryIds historyIds = new HistoryIds();
    private final SessionCalls make;
    private final CommandIntake intake;
    private final MembersHeartbeat heartbeat;
    private GroupAddress address;
    private ZContext context;
    private ReqSlot commandSlot;
    private LivePoll poll;
    private LiveFeedReplies feed;
    private CommandReplies replies;
    private SessionPoller poller;
    private boolean running = true;
    private boolean leaving;

    SessionLoop(
            GroupAddress address,
            User user,
            UiExecutor ui,
            SessionListener listener,
            Queue<SessionCommand> inbox,
            Pipe.SourceChannel wakeup,
            SessionTimings timings) {
        this.address = address;
        this.userRef = User.ofId(user.id());
        this.ui = ui;
        this.listener = listener;
        this.inbox = inbox;
        this.wakeup = wakeup;
        this.timings = timings;
        this.health = new ConnectionReports(listener, ui, timings);
        this.make = new SessionCalls(user, timings, listener, ui, calls, SessionLoop::now);
        HistoryCalls history = new HistoryCalls(userRef, timings.pageSize(), listener, ui, calls::addFirst);
        this.intake = new CommandIntake(calls, make, history, timings, this);
        this.heartbeat = new MembersHeartbeat(timings, health);
    }

    void run() {
        context = Contexts.create();
        try {
            poller = new SessionPoller(context, wakeup);
            commandSlot = new ReqSlot(context, address.endpoint(), address.keys());
            poll = new LivePoll(context, address, userRef, timings.pollWaitMs());
            feed = new LiveFeedReplies(poll, health, listener, ui, this);
            replies = new CommandReplies(calls, commandSlot, health, listener, ui, this);
            rebuildPoller();
            calls.add(joinCall());
            while (running) {
                try {
                    poller.await(Math.max(0, Math.min(timings.longestSleepMs(), nextWakeAt() - now())));
                    step();
                } catch (RuntimeException | AssertionError e) {
                    // e.g. an AssertionError inside JeroMQ when a peer drops the connection in mid-request
                    LOG.error(
                            "session for {} failed unexpectedly; it goes on with fresh sockets", address.endpoint(), e);
                    startOver(now());
                }
            }
        } catch (RuntimeException | AssertionError e) {
            LOG.error("session for {} stopped on an error", address.endpoint(), e);
            post(() -> listener.problem("The connection stopped unexpectedly: " + e.getMessage()));
        } finally {
            if (poller != null) {
                poller.close();
            }
            if (poll != null) {
                poll.close();
            }
            context.close();
        }
    }

    private void step() {
        for (SessionCommand command; (command = inbox.poll()) != null; ) {
            intake.accept(command, now());
        }
        long now = now();
        if (poller.commandReady()) {
            replies.onReply(commandSlot.receive(), now, address);
        }
        if (poller.pollReady()) {
            feed.onReply(poll.receive(), now);
        }
        if (commandSlot.connectionEvents().refused()) {
            onCommandRefused(now);
        }
        if (poller.pollMonitorReady() || poll.undecided()) {
            HandshakeWatch.Seen seen = poll.connectionEvents();
            if (seen.refused()) {
                health.refused(now, address);
                poll.pauseUntil(now + health.backoffMs());
            } else if (seen.dropped()) {
                // ask again on a fresh socket: it waits for the server to come back and is answered then
                poll.restart(address, now);
                rebuildPoller();
            }
        }
        if (commandSlot.overdue(now)) {
            onCommandTimeout(now);
        }
        if (poll.overdue(now)) {
            onPollTimeout(now);
        }
        calls.expire(now);
        issueCommand(now);
        issuePoll(now);
    }

    private Call joinCall() {
        return make.join(poll, heartbeat::now);
    }

    @Override
    public void startLeaving(long now) {
        leaving = true;
        calls.clear();
        calls.add(make.leave(now + timings.leaveGiveUpMs(), () -> running = false));
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public void retarget(GroupAddress newAddress) {
        if (newAddress.equals(address)) {
            return;
        }
        LOG.info("session moves from {} to {}", address.endpoint(), newAddress.endpoint());
        address = newAddress;
        calls.putBackCurrent();
        commandSlot.reopen(address.endpoint(), address.keys());
        poll.restart(address, 0);
        rebuildPoller();
        calls.addFirst(joinCall());
    }

    private void issueCommand(long now) {
        if (commandSlot.busy() || now < calls.nextCallAt()) {
            return;
        }
        if (calls.isEmpty() && !leaving && poll.started() && heartbeat.takeIfDue(now)) {
            calls.add(make.members());
        }
        Call call = calls.start(now);
        if (call != null) {
            if (commandSlot.reopenIfRefused()) {
                rebuildPoller();
            }
            commandSlot.send(Json.write(call.request), timings.commandTimeoutMs(), now);
        }
    }

    private void issuePoll(long now) {
        if (poll.issueIfDue(now, !leaving && health.healthy())) {
            rebuildPoller();
        }
    }

    /** A reply from a replaced history: the tab drops what it shows, and JOIN, the newest page and the poll start over. */
    @Override
    public boolean historyReplaced(Reply reply) {
        if (!historyIds.changedBy(reply)) {
            return false;
        }
        LOG.info(
                "the group at {} has a new history id (restored from a backup): reading it afresh", address.endpoint());
        poll.forget();
        calls.addFirst(joinCall());
        post(listener::historyReplaced);
        return true;
    }

    private void onCommandTimeout(long now) {
        failed(now);
        reopenCommandSlot();
        calls.retryCurrent(now, health.backoffMs());
    }

    private void onPollTimeout(long now) {
        failed(now);
        poll.restart(address, now + health.backoffMs());
        rebuildPoller();
    }

    /** After an unexpected error: both sockets reopen and the current call is retried, as after timeouts. */
    private void startOver(long now) {
        onCommandTimeout(now);
        onPollTimeout(now);
    }

    /** The server dropped our handshake: retrying soon cannot help, so the tab says why while we back off. */
    private void onCommandRefused(long now) {
        health.refused(now, address);
        calls.retryCurrent(now, health.backoffMs());
    }

    @Override
    public void reopenCommandSlot() {
        commandSlot.reopen(address.endpoint(), address.keys());
        rebuildPoller();
    }

    @Override
    public boolean leaving() {
        return leaving;
    }

    @Override
    public void rejoin() {
        calls.addFirst(joinCall());
    }

    @Override
    public void succeeded() {
        if (health.succeeded(address)) {
            // after an outage the poll socket's outstanding request may be lost with the old connection
            poll.restart(address, 0);
            rebuildPoller();
            heartbeat.now();
        }
    }

    @Override
    public void failed(long now) {
        health.failed(now, address);
    }

    private long nextWakeAt() {
        long wake = Math.min(commandSlot.deadline(), poll.wakeAt(!leaving && health.healthy()));
        if (commandSlot.undecided() || poll.undecided()) {
            wake = Math.min(wake, now() + timings.undecidedLookMs());
        }
        if (!commandSlot.busy() && (!calls.isEmpty() || poll.started())) {
            long due = calls.nextCallAt();
            wake = Math.min(wake, calls.isEmpty() ? Math.max(due, heartbeat.dueAt()) : due);
        }
        return wake;
    }

    private void rebuildPoller() {
        poller.watch(commandSlot.socket(), commandSlot.monitorSocket(), poll.socket(), poll.monitorSocket());
    }

    private void post(Runnable event) {
        ui.onUi(event);
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }
}
