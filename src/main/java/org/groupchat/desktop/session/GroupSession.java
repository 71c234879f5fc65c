package org.groupchat.desktop.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.groupchat.desktop.fx.UiExecutor;
import org.groupchat.protocol.Request;
import org.groupchat.protocol.User;
import org.groupchat.security.ClientKeys;
import org.groupchat.security.CurveKeyPair;

/**
 * The live connection of one joined group: a named thread that owns a long-poll FETCH socket and a command
 * socket, and reports to a {@link SessionListener} through the UI bridge. Its methods return at once.
 * With the group server's public key it speaks CURVE as the owner of {@code own}.
 */
public final class GroupSession implements GroupConnection {
    private final Queue<SessionCommand> commands = new ConcurrentLinkedQueue<>();
    private final Pipe wakeup;
    private final Thread thread;
    private final CurveKeyPair own;
    private final User user;
    private volatile GroupAddress address;

    private GroupSession(
            String groupName,
            GroupAddress address,
            CurveKeyPair own,
            User user,
            UiExecutor ui,
            SessionListener listener,
            SessionTimings timings) {
        this.own = own;
        this.user = user;
        this.address = address;
        try {
            wakeup = Pipe.open();
            wakeup.sink().configureBlocking(false);
            wakeup.source().configureBlocking(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the session's wake-up pipe", e);
        }
        SessionLoop loop = new SessionLoop(address, user, ui, listener, commands, wakeup.source(), timings);
        thread = new Thread(loop::run, "group-session-" + groupName);
        thread.setDaemon(true);
    }

    /**
     * Starts a session that joins the group at {@code endpoint} and keeps it live until closed; with a
     * {@code serverKey} (the group's CURVE public key) it connects securely as the owner of {@code own}.
     */
    public static GroupSession start(
            String groupName,
            String endpoint,
            String serverKey,
            CurveKeyPair own,
            User user,
            UiExecutor ui,
            SessionListener listener) {
        return start(groupName, endpoint, serverKey, own, user, ui, listener, SessionTimings.DEFAULT);
    }

    /** A session with a group that runs without security. */
    public static GroupSession start(
            String groupName, String endpoint, User user, UiExecutor ui, SessionListener listener) {
        return start(groupName, endpoint, null, null, user, ui, listener, SessionTimings.DEFAULT);
    }

    static GroupSession start(
            String groupName,
            String endpoint,
            User user,
            UiExecutor ui,
            SessionListener listener,
            SessionTimings timings) {
        return start(groupName, endpoint, null, null, user, ui, listener, timings);
    }

    static GroupSession start(
            String groupName,
            String endpoint,
            String serverKey,
            CurveKeyPair own,
            User user,
            UiExecutor ui,
            SessionListener listener,
            SessionTimings timings) {
        GroupSession session =
                new GroupSession(groupName, address(endpoint, serverKey, own), own, user, ui, listener, timings);
        session.thread.start();
        return session;
    }

    private static GroupAddress address(String endpoint, String serverKey, CurveKeyPair own) {
        return new GroupAddress(endpoint, serverKey == null ? null : new ClientKeys(serverKey, own));
    }

    @Override
    public void send(Request.Send entry) {
        submit(new SessionCommand.Send(entry));
    }

    @Override
    public void markRead(long seq) {
        submit(new SessionCommand.MarkRead(seq));
    }

    @Override
    public void search(String query, Long beforeSeq) {
        submit(new SessionCommand.Search(query, beforeSeq));
    }

    @Override
    public void loadQuoted(long seq) {
        submit(new SessionCommand.Quoted(seq));
    }

    @Override
    public void loadEarlier(long beforeSeq) {
        submit(new SessionCommand.Earlier(beforeSeq));
    }

    @Override
    public void loadSince(long sinceMs) {
        submit(new SessionCommand.Since(sinceMs));
    }

    @Override
    public void loadLatest() {
        submit(new SessionCommand.Latest());
    }

    @Override
    public void retarget(String endpoint, String serverKey) {
        address = address(endpoint, serverKey, own);
        submit(new SessionCommand.Retarget(address));
    }

    @Override
    public FileEndpoint fileEndpoint() {
        GroupAddress now = address;
        return new FileEndpoint(now.endpoint(), now.keys(), user, () -> address.endpoint());
    }

    @Override
    public void leave() {
        submit(new SessionCommand.Leave());
    }

    @Override
    public void close() {
        submit(new SessionCommand.Close());
    }

    /** Waits up to {@code millis} for the session thread to finish after {@link #close} or {@link #leave}. */
    public boolean awaitStopped(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    private void submit(SessionCommand command) {
        commands.add(command);
        try {
            // a full pipe already holds a pending wake-up, so a zero-byte write is fine
            wakeup.sink().write(ByteBuffer.wrap(new byte[] {1}));
        } catch (IOException e) {
            // the session has stopped and closed its end; nothing is listening any more
        }
    }
}
