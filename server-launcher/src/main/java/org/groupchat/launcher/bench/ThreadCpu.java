package org.groupchat.launcher.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** The CPU time one named thread of this JVM has used, read before and after a run: a server thread's cost per request. */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long threadId;
    private final long startNanos;

    private ThreadCpu(long threadId) {
        this.threadId = threadId;
        this.startNanos = THREADS.getThreadCpuTime(threadId);
    }

    /** Starts counting the live thread of that name, or returns null if there is none (servers of another process). */
    static ThreadCpu of(String threadName) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(threadName))
                .findFirst()
                .map(t -> new ThreadCpu(t.getId()))
                .orElse(null);
    }

    /** Microseconds of CPU used since {@link #of} per request, over {@code requests} requests. */
    double microsPer(long requests) {
        return (THREADS.getThreadCpuTime(threadId) - startNanos) / 1e3 / Math.max(1, requests);
    }
}
