package org.groupchat.desktop.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * Waits on a session's inputs at once: the UI's wake-up pipe, the command socket, the poll socket, and the
 * connection monitors of both.
 * Rebuilt only when a socket is replaced (Lazy Pirate reopen). Used by the session thread only.
 */
final class SessionPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionPoller.class);
    private final ZContext context;
    private final Pipe.SourceChannel wakeup;
    private final ByteBuffer drain = ByteBuffer.allocate(64);
    private ZMQ.Poller poller;

    SessionPoller(ZContext context, Pipe.SourceChannel wakeup) {
        this.context = context;
        this.wakeup = wakeup;
    }

    /** Watches these sockets from now on; call again after either was reopened. */
    void watch(ZMQ.Socket command, ZMQ.Socket commandMonitor, ZMQ.Socket poll, ZMQ.Socket pollMonitor) {
        if (poller != null) {
            poller.close();
        }
        poller = context.createPoller(5);
        poller.register(wakeup, ZMQ.Poller.POLLIN);
        poller.register(command, ZMQ.Poller.POLLIN);
        poller.register(poll, ZMQ.Poller.POLLIN);
        poller.register(pollMonitor, ZMQ.Poller.POLLIN);
        poller.register(commandMonitor, ZMQ.Poller.POLLIN);
    }

    /** Waits up to {@code timeoutMs}; empties the wake-up pipe if the UI wrote to it. */
    void await(long timeoutMs) {
        poller.poll(timeoutMs);
        if (poller.pollin(0)) {
            try {
                while (wakeup.read(drain) > 0) {
                    drain.clear();
                }
            } catch (IOException e) {
                LOG.debug("reading the wake-up pipe", e);
            }
            drain.clear();
        }
    }

    boolean commandReady() {
        return poller.pollin(1);
    }

    boolean pollReady() {
        return poller.pollin(2);
    }

    boolean pollMonitorReady() {
        return poller.pollin(3);
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.close();
        }
        try {
            wakeup.close();
        } catch (IOException e) {
            LOG.debug("closing the wake-up pipe", e);
        }
    }
}
