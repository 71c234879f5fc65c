package org.groupchat.desktop.session;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The calls waiting for the command socket, in order, and the one in flight: at most one at a time (REQ), none before
 * {@link #nextCallAt()} (a backoff or a RATE_LIMITED wait), and each given up once past its deadline.
 */
final class CommandQueue {
    private static final String NO_REPLY = "no reply from the group server";
    private final Deque<Call> waiting = new ArrayDeque<>();
    private Call current;
    private long nextCallAt;

    void add(Call call) {
        waiting.add(call);
    }

    /** Ahead of the others: a JOIN the server asked for, the next page of a history read. */
    void addFirst(Call call) {
        waiting.addFirst(call);
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    void clear() {
        waiting.clear();
    }

    long nextCallAt() {
        return nextCallAt;
    }

    /** No call before {@code at} (a server asked us to wait). */
    void pauseUntil(long at) {
        nextCallAt = at;
    }

    /** The next call to send now, now in flight; null when none is due. */
    Call start(long now) {
        if (current != null || now < nextCallAt) {
            return null;
        }
        current = waiting.poll();
        return current;
    }

    /** The call whose reply (or failure) has come; none is in flight after. */
    Call finish() {
        Call call = current;
        current = null;
        return call;
    }

    /** The call in flight goes back to the front, to be sent again (at once, e.g. to a new address). */
    void putBackCurrent() {
        if (current != null) {
            waiting.addFirst(current);
            current = null;
        }
        nextCallAt = 0;
    }

    /** After a timeout or a broken reply: the call in flight goes back to the front, due after {@code backoffMs}. */
    void retryCurrent(long now, long backoffMs) {
        Call call = finish();
        nextCallAt = now + backoffMs;
        if (call != null && call.giveUpAt > now) {
            waiting.addFirst(call);
        } else if (call != null) {
            call.gaveUp(NO_REPLY);
        }
    }

    /** A call still queued behind an unanswered one (e.g. SEND behind a JOIN that gets no reply) fails in time too. */
    void expire(long now) {
        waiting.removeIf(call -> {
            if (call.giveUpAt > now) {
                return false;
            }
            call.gaveUp(NO_REPLY);
            return true;
        });
    }
}
