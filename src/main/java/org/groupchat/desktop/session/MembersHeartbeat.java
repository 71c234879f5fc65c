package org.groupchat.desktop.session;

/**
 * When the session next asks for MEMBERS while it has nothing else to send: every {@code membersEveryMs} while the
 * connection is healthy, at the backoff while it is not, and at once after a (re)join.
 */
final class MembersHeartbeat {
    private final SessionTimings timings;
    private final ConnectionReports health;
    private long dueAt;

    MembersHeartbeat(SessionTimings timings, ConnectionReports health) {
        this.timings = timings;
        this.health = health;
    }

    /** Asks for the member list at the next chance, e.g. after joining. */
    void now() {
        dueAt = 0;
    }

    long dueAt() {
        return dueAt;
    }

    /** Whether MEMBERS is due at {@code now}; if so, the next one is scheduled. */
    boolean takeIfDue(long now) {
        if (now < dueAt) {
            return false;
        }
        dueAt = now + (health.healthy() ? timings.membersEveryMs() : health.backoffMs());
        return true;
    }
}
