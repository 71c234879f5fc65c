package org.groupchat.launcher.servers;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/** Waits for SIGTERM or SIGINT (Ctrl-C) so the servers can stop in order and the process can exit 0. */
final class ShutdownSignal {
    private final CountDownLatch received = new CountDownLatch(1);

    static ShutdownSignal install() {
        ShutdownSignal signal = new ShutdownSignal();
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), s -> signal.received.countDown());
        }
        return signal;
    }

    void await() throws InterruptedException {
        received.await();
    }
}
