package org.groupchat.desktop.main;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.groupchat.desktop.fx.DialogKeys;

/** Help › Keyboard shortcuts: every key the app answers, in one table. */
final class ShortcutsDialog extends Dialog<ButtonType> {
    static final String[][] SHORTCUTS = {
        {"Ctrl+K", "Switch to a joined group by name"},
        {"Ctrl+Tab / Ctrl+Shift+Tab", "Next / previous group tab"},
        {"Ctrl+F", "Search in this group"},
        {"Enter", "Send the message"},
        {"Shift+Enter", "New line in the message"},
        {"Up arrow (empty send box)", "Edit your last message"},
        {"Esc", "Cancel a reply or an edit; close the search bar"},
        {"@", "Mention a member (Tab or Enter picks)"},
        {"Ctrl+C", "Copy the selected text"},
        {"Ctrl+N", "New group"},
        {"Ctrl+Shift+R", "Connect to another registry"},
        {"Ctrl+W", "Close the tab"},
        {"Ctrl+Shift+L", "Leave the group"},
        {"Ctrl+/", "This list"},
        {"Ctrl+Q", "Quit"},
    };

    ShortcutsDialog(Window owner) {
        initOwner(owner);
        setTitle("Keyboard shortcuts");
        setHeaderText(null);
        GridPane table = new GridPane();
        table.setId("shortcuts-table");
        table.setHgap(24);
        table.setVgap(6);
        table.setPadding(new Insets(10));
        for (int row = 0; row < SHORTCUTS.length; row++) {
            Label keys = new Label(SHORTCUTS[row][0]);
            keys.getStyleClass().add("shortcut-keys");
            table.addRow(row, keys, new Label(SHORTCUTS[row][1]));
        }
        getDialogPane().setContent(table);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        DialogKeys.closeAfterKeyEvent(this);
    }
}
