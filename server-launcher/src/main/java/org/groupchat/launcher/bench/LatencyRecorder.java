package org.groupchat.launcher.bench;

import org.HdrHistogram.Histogram;

/** Latencies in microseconds from many threads: each thread records into its own histogram, merged here. */
final class LatencyRecorder {
    private final Histogram merged = newHistogram();

    static Histogram newHistogram() {
        return new Histogram(3);
    }

    static long micros(long fromNanos, long toNanos) {
        return Math.max(0, (toNanos - fromNanos) / 1_000);
    }

    synchronized void merge(Histogram fromOneThread) {
        merged.add(fromOneThread);
    }

    synchronized long count() {
        return merged.getTotalCount();
    }

    /** The latency at the percentile, in milliseconds; NaN when nothing was recorded. */
    synchronized double millisAt(double percentile) {
        return merged.getTotalCount() == 0 ? Double.NaN : merged.getValueAtPercentile(percentile) / 1_000.0;
    }
}
