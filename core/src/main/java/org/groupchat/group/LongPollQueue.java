package org.groupchat.group;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;

/** FETCH requests held until a message lands or their wait ends; used by the group server's thread only. */
final class LongPollQueue {

    /** A held request: whom to answer, what they asked, and when to give up. */
    static final class Parked {
        final List<byte[]> route;
        final String userId;
        final FetchQuery query;
        final long deadlineNanos;
        boolean answered;

        Parked(List<byte[]> route, String userId, FetchQuery query, long deadlineNanos) {
            this.route = route;
            this.userId = userId;
            this.query = query;
            this.deadlineNanos = deadlineNanos;
        }
    }

    private final Set<Parked> waiting = new LinkedHashSet<>();
    private final PriorityQueue<Parked> byDeadline =
            new PriorityQueue<>((a, b) -> Long.compare(a.deadlineNanos, b.deadlineNanos));
    private final Map<String, Integer> waitingPerUser = new HashMap<>();

    int size() {
        return waiting.size();
    }

    void park(Parked parked) {
        waiting.add(parked);
        byDeadline.add(parked);
        waitingPerUser.merge(parked.userId, 1, Integer::sum);
    }

    boolean isWaiting(String userId) {
        return waitingPerUser.containsKey(userId);
    }

    Set<String> waitingUsers() {
        return waitingPerUser.keySet();
    }

    /** Offers every waiting request its answer; those that get a non-null answer are removed and returned with it. */
    <T> List<Map.Entry<Parked, T>> answerWhere(Function<Parked, T> answerOrNull) {
        List<Map.Entry<Parked, T>> answered = new ArrayList<>();
        for (Iterator<Parked> it = waiting.iterator(); it.hasNext(); ) {
            Parked parked = it.next();
            T answer = answerOrNull.apply(parked);
            if (answer != null) {
                it.remove();
                forget(parked);
                answered.add(Map.entry(parked, answer));
            }
        }
        return answered;
    }

    /** Removes and returns the requests whose wait has ended. */
    List<Parked> expire(long nowNanos) {
        List<Parked> expired = new ArrayList<>();
        while (!byDeadline.isEmpty() && (byDeadline.peek().answered || byDeadline.peek().deadlineNanos - nowNanos <= 0)) {
            Parked parked = byDeadline.poll();
            if (!parked.answered) {
                waiting.remove(parked);
                forget(parked);
                expired.add(parked);
            }
        }
        return expired;
    }

    List<Parked> removeAll() {
        List<Parked> all = new ArrayList<>(waiting);
        all.forEach(this::forget);
        waiting.clear();
        byDeadline.clear();
        return all;
    }

    long nanosUntilNextDeadline(long nowNanos) {
        Parked next = byDeadline.peek();
        return next == null ? Long.MAX_VALUE : next.deadlineNanos - nowNanos;
    }

    private void forget(Parked parked) {
        parked.answered = true;
        waitingPerUser.computeIfPresent(parked.userId, (id, n) -> n == 1 ? null : n - 1);
    }
}
