package org.groupchat.desktop.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/** The production bridge: a small pool of named daemon threads for work, {@link Platform#runLater} for results. */
public final class FxUiExecutor implements UiExecutor, AutoCloseable {
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService background = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "ui-background-" + threadCount.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void onUi(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public <T> void inBackground(
            Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        background.execute(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onSuccess.accept(result));
            } catch (Exception | LinkageError e) { // a class or native library that fails to load is reported too
                Platform.runLater(() -> onFailure.accept(e));
            }
        });
    }

    /** Accepts no more work; work already running finishes on its own (never waited for on the FX thread). */
    @Override
    public void close() {
        background.shutdown();
    }
}
