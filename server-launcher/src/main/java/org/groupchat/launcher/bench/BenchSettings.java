package org.groupchat.launcher.bench;

import java.util.List;

/** The sizes and durations of one bench run; {@link #smoke()} makes every scenario take about a second. */
record BenchSettings(
        List<Integer> clientCounts,
        long warmupMs,
        long durationMs,
        int members,
        int sendsPerSecond,
        int historyMessages,
        int parkedPolls,
        long idleMs,
        int groups) {

    static BenchSettings full() {
        return new BenchSettings(List.of(1, 8, 32), 2_000, 10_000, 50, 50, 1_000_000, 1_000, 10_000, 1_000);
    }

    static BenchSettings smoke() {
        return new BenchSettings(List.of(1, 2), 300, 600, 3, 50, 2_000, 20, 500, 20);
    }
}
