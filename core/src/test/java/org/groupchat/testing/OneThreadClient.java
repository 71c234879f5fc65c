package org.groupchat.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.groupchat.client.GroupClient;

/**
 * A {@link GroupClient} made, used and closed on a thread of its own, for a test that needs a call in flight while
 * it does something else: each ZeroMQ socket stays with one thread for its whole life.
 */
public final class OneThreadClient implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "one-thread-client"));
    private final GroupClient client;

    public OneThreadClient(Supplier<GroupClient> make) {
        client = join(CompletableFuture.supplyAsync(make, thread));
    }

    /** Starts {@code call} on the client's thread; calls run one after another, in order. */
    public <T> CompletableFuture<T> ask(Function<GroupClient, T> call) {
        return CompletableFuture.supplyAsync(() -> call.apply(client), thread);
    }

    /** Runs {@code call} on the client's thread and waits for it. */
    public <T> T call(Function<GroupClient, T> call) {
        return join(ask(call));
    }

    @Override
    public void close() {
        join(CompletableFuture.runAsync(client::close, thread));
        thread.shutdown();
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
