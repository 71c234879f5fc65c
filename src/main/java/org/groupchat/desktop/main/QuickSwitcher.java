package org.groupchat.desktop.main;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.groupchat.desktop.fx.DialogKeys;

/** Ctrl+K: type a few letters of a joined group's name, Enter opens its tab. */
final class QuickSwitcher extends Dialog<String> {
    private final TextField filter = new TextField();
    private final ListView<String> matches;

    QuickSwitcher(Window owner, List<String> groups) {
        initOwner(owner);
        setTitle("Switch to group");
        setHeaderText(null);
        FilteredList<String> shown = new FilteredList<>(FXCollections.observableArrayList(groups));
        matches = new ListView<>(shown);
        matches.setId("switcher-list");
        matches.setPrefHeight(Math.min(8, Math.max(groups.size(), 3)) * 28.0);
        filter.setId("switcher-filter");
        filter.setPromptText("Group name");
        filter.textProperty().addListener((obs, was, now) -> {
            String wanted = now.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(name -> name.toLowerCase(Locale.ROOT).contains(wanted));
            matches.getSelectionModel().selectFirst();
        });
        // arrows move through the matches while typing stays in the filter
        filter.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.UP) {
                int step = event.getCode() == KeyCode.DOWN ? 1 : -1;
                int at = Math.max(
                        0,
                        Math.min(shown.size() - 1, matches.getSelectionModel().getSelectedIndex() + step));
                matches.getSelectionModel().select(at);
                matches.scrollTo(at);
                event.consume();
            }
        });
        matches.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && matches.getSelectionModel().getSelectedItem() != null) {
                Platform.runLater(() -> {
                    setResult(matches.getSelectionModel().getSelectedItem());
                    close();
                });
            }
        });
        matches.getSelectionModel().selectFirst();
        VBox content = new VBox(8, filter, matches);
        content.setPrefWidth(340);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        getDialogPane()
                .lookupButton(ButtonType.OK)
                .disableProperty()
                .bind(matches.getSelectionModel().selectedItemProperty().isNull());
        setResultConverter(
                button -> button == ButtonType.OK ? matches.getSelectionModel().getSelectedItem() : null);
        DialogKeys.closeAfterKeyEvent(this);
        setOnShown(event -> filter.requestFocus());
    }

    /** Shows the switcher; the chosen group's name, if any, goes to {@code open}. */
    void choose(Consumer<String> open) {
        setOnHidden(event -> Optional.ofNullable(getResult()).ifPresent(open));
        show();
    }
}
