package org.groupchat.desktop.session;

/**
 * Turns replies and timeouts into a {@link ConnectionState} and the pause before the next attempt:
 * exponential backoff (by default from 250 ms to 5 s); offline once failures have lasted 10 s.
 */
final class ConnectionTracker {
    static final long INITIAL_BACKOFF_MS = 250;
    static final long MAX_BACKOFF_MS = 5_000;
    static final long OFFLINE_AFTER_MS = 10_000;

    private final long initialBackoffMs;
    private final long maxBackoffMs;
    private ConnectionState state = ConnectionState.CONNECTING;
    private long failingSince = -1;
    private long backoffMs;

    ConnectionTracker() {
        this(INITIAL_BACKOFF_MS, MAX_BACKOFF_MS);
    }

    ConnectionTracker(long initialBackoffMs, long maxBackoffMs) {
        this.initialBackoffMs = initialBackoffMs;
        this.maxBackoffMs = maxBackoffMs;
        this.backoffMs = initialBackoffMs;
    }

    ConnectionState state() {
        return state;
    }

    /** Records a reply; returns true when this ends a period of failures (or the first connect). */
    boolean succeeded() {
        failingSince = -1;
        backoffMs = initialBackoffMs;
        boolean changed = state != ConnectionState.CONNECTED;
        state = ConnectionState.CONNECTED;
        return changed;
    }

    /** Records a timeout; returns true when the state changed. */
    boolean failed(long now) {
        if (failingSince < 0) {
            failingSince = now;
        } else {
            backoffMs = Math.min(maxBackoffMs, backoffMs * 2);
        }
        ConnectionState next;
        if (now - failingSince >= OFFLINE_AFTER_MS) {
            next = ConnectionState.OFFLINE;
        } else if (state == ConnectionState.CONNECTING) {
            next = ConnectionState.CONNECTING;
        } else {
            next = ConnectionState.RECONNECTING;
        }
        boolean changed = next != state;
        state = next;
        return changed;
    }

    boolean healthy() {
        return state == ConnectionState.CONNECTED;
    }

    long backoffMs() {
        return backoffMs;
    }
}
