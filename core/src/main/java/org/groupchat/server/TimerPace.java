package org.groupchat.server;

/**
 * When a server's loop runs its timers: after every pass that received nothing, and at most once a millisecond
 * while requests keep coming (once per request, their checks cost 4% of a SEND's server-thread CPU). Deadlines
 * are met within a millisecond either way. Used by the server thread only.
 */
final class TimerPace {
    private static final long MIN_GAP_NANOS = 1_000_000L;

    private long lastNanos = System.nanoTime();

    boolean due(boolean receivedNothing) {
        long now = System.nanoTime();
        if (receivedNothing || now - lastNanos >= MIN_GAP_NANOS) {
            lastNanos = now;
            return true;
        }
        return false;
    }
}
