package org.groupchat.desktop.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.groupchat.desktop.fx.UiExecutor;
import org.groupchat.protocol.User;

/**
 * The live connection of one joined group: a named thread that owns a long-poll FETCH socket and a command
 * socket, and reports to a {@link SessionListener} through the UI bridge. Its methods return at once.
 */
public final class GroupSession implements GroupConnection {
    private final Queue<SessionCommand> commands = new ConcurrentLinkedQueue<>();
    private final Pipe wakeup;
    private final Thread thread;

    private GroupSession(String groupName, String endpoint, User user, UiExecutor ui, SessionListener listener,
            SessionTimings timings) {
        try {
            wakeup = Pipe.open();
            wakeup.sink().configureBlocking(false);
            wakeup.source().configureBlocking(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the session's wake-up pipe", e);
        }
        SessionLoop loop = new SessionLoop(endpoint, user, ui, listener, commands, wakeup.source(), timings);
        thread = new Thread(loop::run, "group-session-" + groupName);
        thread.setDaemon(true);
    }

    /** Starts a session that joins the group at {@code endpoint} and keeps it live until closed. */
    public static GroupSession start(String groupName, String endpoint, User user, UiExecutor ui,
            SessionListener listener) {
        return start(groupName, endpoint, user, ui, listener, SessionTimings.DEFAULT);
    }

    static GroupSession start(String groupName, String endpoint, User user, UiExecutor ui,
            SessionListener listener, SessionTimings timings) {
        GroupSession session = new GroupSession(groupName, endpoint, user, ui, listener, timings);
        session.thread.start();
        return session;
    }

    @Override
    public void send(String messageId, String text) {
        submit(new SessionCommand.Send(messageId, text));
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
    public void retarget(String endpoint) {
        submit(new SessionCommand.Retarget(endpoint));
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
