package org.groupchat.launcher.servers;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal; // SUPPRESS CHECKSTYLE IllegalImport: the JDK has no public API for SIGTERM

/**
 * What ends a launcher: SIGTERM or SIGINT (Ctrl-C), for a clean stop and exit 0; or one of its servers failing,
 * so the process does not stay up looking healthy while a group no longer answers.
 */
final class ShutdownSignal {
    private final CountDownLatch received = new CountDownLatch(1);
    private final AtomicReference<String> failure = new AtomicReference<>();

    static ShutdownSignal install() {
        ShutdownSignal signal = new ShutdownSignal();
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), s -> signal.received.countDown());
        }
        return signal;
    }

    void serverFailed(String reason) {
        failure.compareAndSet(null, reason);
        received.countDown();
    }

    /** Waits for a signal or a failure; returns the failure, or null for a signal. */
    String await() throws InterruptedException {
        received.await();
        return failure.get();
    }
}
