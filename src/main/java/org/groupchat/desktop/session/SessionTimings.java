package org.groupchat.desktop.session;

/** How a session paces itself: long-poll wait, reply timeouts, member refresh, and how long SEND keeps retrying. */
record SessionTimings(int pollWaitMs, long commandTimeoutMs, long membersEveryMs, long sendGiveUpMs,
        int pageSize) {
    static final SessionTimings DEFAULT = new SessionTimings(10_000, 1_500, 3_000, 30_000, 100);
}
