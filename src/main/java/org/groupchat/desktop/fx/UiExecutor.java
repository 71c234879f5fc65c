package org.groupchat.desktop.fx;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one bridge between background work and the UI: runs work off the FX thread and delivers results on it.
 * View models and sessions use this instead of threads and {@code Platform.runLater} of their own.
 */
public interface UiExecutor {

    /** Runs {@code action} on the UI thread (later, unless already there and the implementation allows it). */
    void onUi(Runnable action);

    /** Runs {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the UI thread. */
    <T> void inBackground(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code work} in the background with no result to deliver; a failure goes to {@code onFailure}. */
    default void inBackground(Runnable work, Consumer<? super Throwable> onFailure) {
        inBackground(
                () -> {
                    work.run();
                    return null;
                },
                ignored -> {},
                onFailure);
    }
}
