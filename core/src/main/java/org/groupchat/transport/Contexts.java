package org.groupchat.transport;

import java.nio.channels.ClosedChannelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

/** Makes ZeroMQ contexts whose I/O threads report errors through our logs instead of printing stack traces. */
public final class Contexts {
    private static final Logger LOG = LoggerFactory.getLogger(Contexts.class);

    private Contexts() {}

    /** A context with one I/O thread. */
    public static ZContext create() {
        ZContext context = new ZContext(1);
        context.setUncaughtExceptionHandler(Contexts::report);
        context.setNotificationExceptionHandler(Contexts::report);
        return context;
    }

    private static void report(Thread thread, Throwable error) {
        if (causedBy(error, ClosedChannelException.class)) {
            // JeroMQ's I/O thread can race its own shutdown and write to a channel just closed: harmless.
            LOG.debug("{} hit a closed channel while its context closed", thread.getName(), error);
        } else {
            LOG.warn("ZeroMQ thread {} failed: {}", thread.getName(), error.toString());
            LOG.debug("ZeroMQ thread {} failure", thread.getName(), error);
        }
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
