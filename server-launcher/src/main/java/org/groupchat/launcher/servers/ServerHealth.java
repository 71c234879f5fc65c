package org.groupchat.launcher.servers;

import org.groupchat.server.RouterServer;

/**
 * What {@code /health} says of one server, read from flags its thread keeps (never a request to it): stopped, or
 * stuck when its loop has not turned for {@link #STUCK_MS}, though an idle loop turns every 100 ms.
 */
final class ServerHealth {
    /** Far above any healthy pass (a group commit, a retention batch), well below a supervisor's patience. */
    static final long STUCK_MS = 3_000;

    private ServerHealth() {}

    /** Null while {@code server} runs and turns its loop, else one line naming {@code what} and why. */
    static String problem(String what, RouterServer server) {
        if (!server.isRunning()) {
            return what + " has stopped";
        }
        long since = server.millisSinceLastTurn();
        if (since > STUCK_MS) {
            return String.format(
                    "%s is stuck: its loop has not turned for %.1f s (a store that does not answer?)",
                    what, since / 1000.0);
        }
        return null;
    }
}
