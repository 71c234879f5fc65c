package org.groupchat.desktop.fx;

import java.util.Optional;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Enter and Esc in a dialog press its default or cancel button one event later, never while the key is being
 * delivered. JavaFX 21's GTK glass sends KEY_TYPED to a window right after the KEY_PRESSED that closed it, through a
 * window context that closing freed: the JVM dies (SIGSEGV in {@code WindowContextBase::process_key}).
 */
public final class DialogKeys {
    private DialogKeys() {}

    /** Makes Enter and Esc close {@code dialog} only after the key event has left the window. */
    public static void closeAfterKeyEvent(Dialog<?> dialog) {
        DialogPane pane = dialog.getDialogPane();
        pane.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            boolean enter = event.getCode() == KeyCode.ENTER;
            if (!enter && event.getCode() != KeyCode.ESCAPE || event.isShortcutDown() || event.isAltDown()) {
                return;
            }
            event.consume();
            Optional<Button> button = enter
                    ? focusedButton(pane).or(() -> button(pane, Button::isDefaultButton))
                    : button(pane, Button::isCancelButton);
            button.filter(b -> !b.isDisabled()).ifPresent(b -> Platform.runLater(b::fire));
        });
    }

    private static Optional<Button> focusedButton(DialogPane pane) {
        Node focused = pane.getScene() == null ? null : pane.getScene().getFocusOwner();
        return focused instanceof Button button
                        && pane.getButtonTypes().stream().anyMatch(type -> pane.lookupButton(type) == button)
                ? Optional.of(button)
                : Optional.empty();
    }

    private static Optional<Button> button(DialogPane pane, Predicate<Button> which) {
        return pane.getButtonTypes().stream()
                .map(pane::lookupButton)
                .filter(Button.class::isInstance)
                .map(Button.class::cast)
                .filter(which)
                .findFirst();
    }
}
