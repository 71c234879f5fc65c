package org.groupchat.desktop.testing;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.groupchat.desktop.fx.UiExecutor;

/** Runs background work and its result on the calling thread, so view-model tests are synchronous. */
public final class SameThreadUiExecutor implements UiExecutor {
    @Override
    public void onUi(Runnable action) {
        action.run();
    }

    @Override
    public <T> void inBackground(
            Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
