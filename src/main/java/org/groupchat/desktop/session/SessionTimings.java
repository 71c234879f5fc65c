package org.groupchat.desktop.session;

/**
 * How a session paces itself: long-poll wait, reply timeouts, member refresh, how long SEND keeps retrying, the
 * backoff after a failure, and the
 * fixed waits: how long a history read or a LEAVE may take, the wait after a RATE_LIMITED without a retryAfterMs, the
 * longest sleep of the session thread and its short look at a connection whose fate is not known yet.
 */
record SessionTimings(
        int pollWaitMs,
        long commandTimeoutMs,
        long membersEveryMs,
        long sendGiveUpMs,
        int pageSize,
        long initialBackoffMs,
        long maxBackoffMs) {
    static final SessionTimings DEFAULT = new SessionTimings(10_000, 1_500, 3_000, 30_000, 100);

    /** With the usual backoff after a failure: 250 ms, doubling up to 5 s. */
    SessionTimings(int pollWaitMs, long commandTimeoutMs, long membersEveryMs, long sendGiveUpMs, int pageSize) {
        this(
                pollWaitMs,
                commandTimeoutMs,
                membersEveryMs,
                sendGiveUpMs,
                pageSize,
                ConnectionTracker.INITIAL_BACKOFF_MS,
                ConnectionTracker.MAX_BACKOFF_MS);
    }

    long historyGiveUpMs() {
        return 10_000;
    }

    long leaveGiveUpMs() {
        return 3_000;
    }

    long rateLimitedWaitMs() {
        return 500;
    }

    long longestSleepMs() {
        return 1_000;
    }

    long undecidedLookMs() {
        return 50;
    }
}
