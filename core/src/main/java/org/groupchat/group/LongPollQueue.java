package org.groupchat.group;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** FETCH requests held until a message lands or their wait ends; used by the group server's thread only. */
final class LongPollQueue {

    /** A held request: whom to answer, what they asked, and when to give up. */
    static final class Parked {
        final List<byte[]> route;
        final String userId;
        final FetchQuery query;
        final long deadlineNanos;
        private long order;

        Parked(List<byte[]> route, String userId, FetchQuery query, long deadlineNanos) {
            this.route = route;
            this.userId = userId;
            this.query = query;
            this.deadlineNanos = deadlineNanos;
        }
    }

    private final TreeSet<Parked> byDeadline =
            new TreeSet<>(Comparator.<Parked>comparingLong(p -> p.deadlineNanos).thenComparingLong(p -> p.order));
    private final Map<String, Integer> waitingPerUser = new HashMap<>();
    // this queue's own tie-break: parks with one deadline stay distinct, whatever other groups' threads park
    private long parked;

    int size() {
        return byDeadline.size();
    }

    void park(Parked poll) {
        poll.order = parked++;
        byDeadline.add(poll);
        waitingPerUser.merge(poll.userId, 1, Integer::sum);
    }

    int waitingFor(String userId) {
        return waitingPerUser.getOrDefault(userId, 0);
    }

    Set<String> waitingUsers() {
        return waitingPerUser.keySet();
    }

    /** Offers every waiting request its answer; those that get a non-null answer are removed and returned with it. */
    <T> List<Map.Entry<Parked, T>> answerWhere(Function<Parked, T> answerOrNull) {
        List<Map.Entry<Parked, T>> answered = new ArrayList<>();
        for (Iterator<Parked> it = byDeadline.iterator(); it.hasNext(); ) {
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
        while (!byDeadline.isEmpty() && byDeadline.first().deadlineNanos - nowNanos <= 0) {
            Parked parked = byDeadline.pollFirst();
            forget(parked);
            expired.add(parked);
        }
        return expired;
    }

    List<Parked> removeAll() {
        List<Parked> all = new ArrayList<>(byDeadline);
        byDeadline.clear();
        waitingPerUser.clear();
        return all;
    }

    long nanosUntilNextDeadline(long nowNanos) {
        return byDeadline.isEmpty() ? Long.MAX_VALUE : byDeadline.first().deadlineNanos - nowNanos;
    }

    private void forget(Parked parked) {
        waitingPerUser.computeIfPresent(parked.userId, (id, n) -> n == 1 ? null : n - 1);
    }

    /** Past the group's or the user's cap on held polls, a FETCH is answered at once (empty) instead of held. */
    boolean mayPark(String userId, GroupLimits limits) {
        return size() < limits.maxParkedPolls() && waitingFor(userId) < limits.maxParkedPollsPerUser();
    }
}
