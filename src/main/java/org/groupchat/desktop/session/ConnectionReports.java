package org.groupchat.desktop.session;

import org.groupchat.desktop.fx.UiExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the tab how its session reaches the group server: each change of {@link ConnectionState} once, and a refused
 * handshake (why, for the user) until the server accepts us again.
 */
final class ConnectionReports {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionReports.class);
    private final ConnectionTracker tracker;
    private final SessionListener listener;
    private final UiExecutor ui;
    private String refusal;

    ConnectionReports(SessionListener listener, UiExecutor ui, SessionTimings timings) {
        this.tracker = new ConnectionTracker(timings.initialBackoffMs(), timings.maxBackoffMs());
        this.listener = listener;
        this.ui = ui;
    }

    boolean healthy() {
        return tracker.healthy();
    }

    long backoffMs() {
        return tracker.backoffMs();
    }

    /** A reply came; true when this ends an outage (the caller then restarts what the outage may have lost). */
    boolean succeeded(GroupAddress address) {
        boolean recovered = tracker.succeeded();
        if (recovered) {
            report(address);
        }
        if (refusal != null) {
            refusal = null;
            ui.onUi(() -> listener.handshakeRefused(null));
        }
        return recovered;
    }

    void failed(long now, GroupAddress address) {
        if (tracker.failed(now)) {
            report(address);
        }
    }

    void refused(long now, GroupAddress address) {
        failed(now, address);
        String why = address.refusal();
        if (!why.equals(refusal)) {
            refusal = why;
            LOG.warn("{}", why);
            ui.onUi(() -> listener.handshakeRefused(why));
        }
    }

    private void report(GroupAddress address) {
        ConnectionState state = tracker.state();
        String where = address.endpoint();
        ui.onUi(() -> listener.connectionChanged(state, where));
    }
}
