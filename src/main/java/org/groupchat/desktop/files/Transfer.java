package org.groupchat.desktop.files;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One upload or download as the window shows it: how far it is (0 to 1), whether it runs, and how it ended. Its
 * properties change on the UI thread only.
 */
public final class Transfer {
    /** Where a transfer stands. */
    public enum State {
        RUNNING,
        DONE,
        FAILED,
        CANCELLED
    }

    private final String fileId;
    private final boolean upload;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty waiting = new SimpleBooleanProperty();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.RUNNING);
    private final StringProperty problem = new SimpleStringProperty("");
    private final ObjectProperty<Path> result = new SimpleObjectProperty<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    Transfer(String fileId, boolean upload) {
        this.fileId = fileId;
        this.upload = upload;
    }

    /** An upload that waits for its turn first: uploads go a few at a time. */
    static Transfer queuedUpload(String fileId) {
        Transfer transfer = new Transfer(fileId, true);
        transfer.waiting.set(true);
        return transfer;
    }

    public String fileId() {
        return fileId;
    }

    public boolean isUpload() {
        return upload;
    }

    /**
     * Asks the transfer to stop after the chunk in flight; it then ends {@link State#CANCELLED}. One still waiting for
     * its turn ends at once. On the UI thread.
     */
    public void cancel() {
        cancelled.set(true);
        if (waiting.get()) {
            waiting.set(false);
            state.set(State.CANCELLED);
        }
    }

    boolean cancelRequested() {
        return cancelled.get();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** True while the transfer waits for its turn, before any byte moved. */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public State state() {
        return state.get();
    }

    /** Why it failed, in a sentence for the user; "" unless {@link State#FAILED}. */
    public String problem() {
        return problem.get();
    }

    /** The file it wrote (a download), once {@link State#DONE}. */
    public Path result() {
        return result.get();
    }

    void started() {
        waiting.set(false);
    }

    void advance(double fraction) {
        progress.set(fraction);
    }

    void succeeded(Path written) {
        waiting.set(false);
        progress.set(1);
        result.set(written);
        state.set(State.DONE);
    }

    void failed(String why) {
        waiting.set(false);
        problem.set(why);
        state.set(cancelled.get() ? State.CANCELLED : State.FAILED);
    }
}
