package org.groupchat.desktop.main;

import java.util.HashMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.groupchat.desktop.chat.ChatTabView;
import org.groupchat.desktop.chat.ChatTabViewModel;
import org.groupchat.desktop.fx.Views;

/**
 * Keeps the window's tab pane in step with the model's open tabs: one {@link ChatTabView} per tab, the selection both
 * ways, the unread total over all tabs, and Ctrl+Tab between them.
 */
final class ChatTabPane {
    private final MainWindowViewModel model;
    private final TabPane tabPane;
    private final Stage stage;
    private final Map<ChatTabViewModel, Tab> tabsByModel = new HashMap<>();
    private final Map<ChatTabViewModel, ChatTabView> viewsByModel = new HashMap<>();
    private final IntegerProperty unreadTotal = new SimpleIntegerProperty();
    private final InvalidationListener recountUnread = observable -> recountUnread();

    ChatTabPane(MainWindowViewModel model, TabPane tabPane, Stage stage) {
        this.model = model;
        this.tabPane = tabPane;
        this.stage = stage;
    }

    void bind() {
        model.tabs().forEach(this::addTab);
        model.tabs().addListener((ListChangeListener<ChatTabViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::removeTab);
                change.getAddedSubList().forEach(this::addTab);
            }
        });
        tabPane.getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, was, now) ->
                        model.selectedTabProperty().set(now == null ? null : (ChatTabViewModel) now.getUserData()));
        model.selectedTabProperty().addListener((obs, was, now) -> {
            Tab tab = tabsByModel.get(now);
            if (tab != null) {
                tabPane.getSelectionModel().select(tab);
            }
        });
    }

    /** The model of the selected tab, or null when none is open. */
    ChatTabViewModel selected() {
        Tab selected = tabPane.getSelectionModel().getSelectedItem();
        return selected == null ? null : (ChatTabViewModel) selected.getUserData();
    }

    /** The view of the selected tab, or null when none is open. */
    ChatTabView selectedView() {
        ChatTabViewModel selected = selected();
        return selected == null ? null : viewsByModel.get(selected);
    }

    /** Unread messages over all tabs, for the window title. */
    ReadOnlyIntegerProperty unreadTotal() {
        return unreadTotal;
    }

    /** Ctrl+Tab and Ctrl+Shift+Tab (also Ctrl+PageDown/PageUp) move between tabs wherever the focus is. */
    void switchTabsByKey(KeyEvent event) {
        boolean next = event.isShortcutDown()
                && (event.getCode() == KeyCode.TAB && !event.isShiftDown() || event.getCode() == KeyCode.PAGE_DOWN);
        boolean previous = event.isShortcutDown()
                && (event.getCode() == KeyCode.TAB && event.isShiftDown() || event.getCode() == KeyCode.PAGE_UP);
        int count = tabPane.getTabs().size();
        if (!(next || previous) || count == 0) {
            return;
        }
        int at = tabPane.getSelectionModel().getSelectedIndex();
        tabPane.getSelectionModel().select(Math.floorMod(at + (next ? 1 : -1), count));
        event.consume();
    }

    private void recountUnread() {
        unreadTotal.set(model.tabs().stream()
                .mapToInt(tab -> tab.unreadProperty().get())
                .sum());
    }

    private void addTab(ChatTabViewModel tabModel) {
        tabModel.unreadProperty().addListener(recountUnread);
        recountUnread();
        ChatTabView[] view = new ChatTabView[1];
        Parent content = Views.load("chat/ChatTab.fxml", type -> view[0] = new ChatTabView(tabModel));
        viewsByModel.put(tabModel, view[0]);
        Tab tab = new Tab();
        tab.setUserData(tabModel);
        tab.setContent(content);
        tab.textProperty().bind(tabModel.titleProperty());
        tab.setId("tab-" + tabModel.groupName());
        tabModel.selectedProperty().bind(tab.selectedProperty());
        tabModel.windowFocusedProperty().bind(stage.focusedProperty());
        tab.setOnSelectionChanged(event -> {
            if (tab.isSelected()) {
                // once the tab pane shows the content: a request before that was lost, and focus fell on the date
                Platform.runLater(view[0]::focusDraft);
            }
        });
        tab.setOnCloseRequest(event -> {
            event.consume();
            model.closeTab(tabModel);
        });
        tabsByModel.put(tabModel, tab);
        tabPane.getTabs().add(tab);
        if (tab.isSelected()) {
            Platform.runLater(view[0]::focusDraft);
        }
    }

    private void removeTab(ChatTabViewModel tabModel) {
        tabModel.unreadProperty().removeListener(recountUnread);
        recountUnread();
        Tab tab = tabsByModel.remove(tabModel);
        viewsByModel.remove(tabModel);
        if (tab != null) {
            tabModel.selectedProperty().unbind();
            tabModel.windowFocusedProperty().unbind();
            tabPane.getTabs().remove(tab);
        }
    }
}
