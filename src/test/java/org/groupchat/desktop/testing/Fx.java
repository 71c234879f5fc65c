package org.groupchat.desktop.testing;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Reads the scene graph on the FX thread. A test that looks nodes up ({@code lookup}, {@code query}) or reads their
 * state ({@code getText}, {@code getItems}, {@code isVisible}) from its own thread races the FX thread changing them,
 * and can see stale values or throw (e.g. IndexOutOfBoundsException inside TestFX's node query). TestFX's robot
 * actions ({@code clickOn}, {@code write}, {@code push}) stay on the test thread: they are made to be called there.
 */
public final class Fx {
    private static final long TIMEOUT_SECONDS = 10;

    private Fx() {}

    /** What {@code read} returns, run on the FX thread (at once when already on it); its exceptions are rethrown. */
    public static <T> T get(Supplier<T> read) {
        if (Platform.isFxApplicationThread()) {
            return read.get();
        }
        FutureTask<T> task = new FutureTask<>(read::get);
        Platform.runLater(task);
        try {
            return task.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the FX thread did not run a read within " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the FX thread", e);
        }
    }
}
