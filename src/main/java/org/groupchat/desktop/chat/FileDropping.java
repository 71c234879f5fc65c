package org.groupchat.desktop.chat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Region;
import org.groupchat.protocol.ProtocolVersion;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The three ways to share files from a tab: the paperclip button, dropping files on the tab, and pasting files or a
 * picture (Ctrl+V) in the send box. All of them lead to the same preview; they work once the group's server takes
 * files.
 */
final class FileDropping {
    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private FileDropping() {}

    static void install(
            ChatTabViewModel model, Region tab, Button attach, TextArea draft, Consumer<List<Path>> preview) {
        BooleanBinding takesFiles = Bindings.createBooleanBinding(
                () -> model.files().available() && model.features().contains(ProtocolVersion.FILES), model.features());
        attach.setGraphic(new FontIcon(MaterialDesignP.PAPERCLIP));
        attach.disableProperty().bind(takesFiles.not());
        attach.setTooltip(new Tooltip("Share files (or drop them here, or paste a picture with Ctrl+V)"));
        tab.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (takesFiles.get() && event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
                tab.pseudoClassStateChanged(DROP_TARGET, true);
            }
            event.consume();
        });
        tab.addEventHandler(DragEvent.DRAG_EXITED, event -> tab.pseudoClassStateChanged(DROP_TARGET, false));
        tab.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            tab.pseudoClassStateChanged(DROP_TARGET, false);
            boolean taken = takesFiles.get() && event.getDragboard().hasFiles();
            event.setDropCompleted(taken);
            event.consume();
            if (taken) {
                List<Path> files = paths(event.getDragboard().getFiles());
                // after the drop's own event is done: the preview waits for the user
                Platform.runLater(() -> preview.accept(files));
            }
        });
        draft.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (!PASTE.match(event) || !takesFiles.get()) {
                return;
            }
            Clipboard clipboard = Clipboard.getSystemClipboard();
            if (clipboard.hasFiles()) {
                event.consume();
                preview.accept(paths(clipboard.getFiles()));
            } else if (clipboard.hasImage() && !clipboard.hasString()) {
                event.consume();
                model.files().keepPasted(clipboard.getImage(), file -> preview.accept(List.of(file)));
            }
        });
    }

    private static List<Path> paths(List<File> files) {
        return files.stream().map(File::toPath).toList();
    }
}
