package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Issue 14, item 8: a group's parked polls are all kept, however many groups park at once in one JVM. */
class LongPollQueueTest {
    private static final int POLLS = 20_000;

    @Test
    void pollsWithOneDeadlineParkedByTwoGroupThreadsAtOnceAreAllKept() throws Exception {
        ExecutorService groups = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(LongPollQueueTest::parkAll, groups);
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(LongPollQueueTest::parkAll, groups);

            assertThat(first.get()).isEqualTo(POLLS);
            assertThat(second.get()).isEqualTo(POLLS);
        } finally {
            groups.shutdownNow();
        }
    }

    /** One group's thread: its own queue, every poll with the same deadline (a tie the order must break). */
    private static int parkAll() {
        LongPollQueue queue = new LongPollQueue();
        for (int i = 0; i < POLLS; i++) {
            queue.park(new LongPollQueue.Parked(List.of(new byte[] {(byte) i}), "user-" + i, null, 1_000L));
        }
        return queue.size();
    }
}
