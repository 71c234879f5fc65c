package org.groupchat.desktop.main;

import java.util.HashMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.groupchat.desktop.chat.ChatTabView;
import org.groupchat.desktop.chat.ChatTabViewModel;
import org.groupchat.desktop.fx.DialogKeys;
import org.groupchat.desktop.fx.LockIcon;
import org.groupchat.desktop.fx.Theme;
import org.groupchat.desktop.fx.Views;
import org.groupchat.desktop.groups.GroupsView;
import org.groupchat.desktop.hosting.NewGroupDialog;
import org.groupchat.desktop.registry.RegistryDialog;

/** Binds MainWindow.fxml to a {@link MainWindowViewModel}: menu, groups pane, one tab per joined group. */
public final class MainWindowView {
    private final MainWindowViewModel model;
    private final Stage stage;
    private final Runnable onQuit;
    private final Map<ChatTabViewModel, Tab> tabsByModel = new HashMap<>();
    private final Map<ChatTabViewModel, ChatTabView> viewsByModel = new HashMap<>();
    private final IntegerProperty unreadTotal = new SimpleIntegerProperty();
    private final InvalidationListener recountUnread = observable -> recountUnread();
    private Parent root;

    @FXML
    private SplitPane mainSplit;

    @FXML
    private TabPane tabPane;

    @FXML
    private Label emptyHint;

    @FXML
    private Label statusLabel;

    @FXML
    private Label identityLabel;

    @FXML
    private Label registrySecurityLabel;

    @FXML
    private MenuItem leaveItem;

    @FXML
    private MenuItem closeItem;

    @FXML
    private MenuItem searchItem;

    @FXML
    private CheckMenuItem muteItem;

    @FXML
    private RadioMenuItem lightThemeItem;

    @FXML
    private RadioMenuItem darkThemeItem;

    private MainWindowView(MainWindowViewModel model, Stage stage, Runnable onQuit) {
        this.model = model;
        this.stage = stage;
        this.onQuit = onQuit;
    }

    /** Loads the window's FXML with its controllers; the groups pane starts {@code groupsWidth} pixels wide. */
    public static MainWindowView load(MainWindowViewModel model, Stage stage, Runnable onQuit, double groupsWidth) {
        MainWindowView view = new MainWindowView(model, stage, onQuit);
        view.root = Views.load("main/MainWindow.fxml", type -> {
            if (type == MainWindowView.class) {
                return view;
            }
            if (type == GroupsView.class) {
                return new GroupsView(model.groups());
            }
            throw new IllegalArgumentException("no controller " + type);
        });
        view.keepGroupsWidth(groupsWidth);
        view.root.addEventFilter(KeyEvent.KEY_PRESSED, view::switchTabsByKey);
        return view;
    }

    public Parent root() {
        return root;
    }

    /** How wide the groups pane is now, in pixels. */
    public double groupsWidth() {
        return mainSplit.getItems().get(0).getLayoutBounds().getWidth();
    }

    /** The groups pane keeps its width when the window grows: the conversation gets the space. */
    private void keepGroupsWidth(double width) {
        Node groups = mainSplit.getItems().get(0);
        SplitPane.setResizableWithParent(groups, false);
        mainSplit.widthProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> obs, Number was, Number now) {
                if (now.doubleValue() > 0) {
                    mainSplit.setDividerPositions(Math.min(width, now.doubleValue() / 2) / now.doubleValue());
                    mainSplit.widthProperty().removeListener(this);
                }
            }
        });
    }

    @FXML
    private void initialize() {
        statusLabel.textProperty().bind(model.statusProperty());
        Tooltip fullStatus = new Tooltip();
        fullStatus.setWrapText(true);
        fullStatus.setMaxWidth(520);
        fullStatus.textProperty().bind(model.statusProperty());
        statusLabel.setTooltip(fullStatus);
        identityLabel.setText("You are " + model.identity().name());
        identityLabel.setTooltip(
                new Tooltip("Your key's fingerprint: " + model.identity().fingerprint()));
        showRegistrySecurity();
        emptyHint.visibleProperty().bind(Bindings.isEmpty(tabPane.getTabs()));
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
        leaveItem
                .disableProperty()
                .bind(tabPane.getSelectionModel().selectedItemProperty().isNull());
        closeItem
                .disableProperty()
                .bind(tabPane.getSelectionModel().selectedItemProperty().isNull());
        searchItem
                .disableProperty()
                .bind(tabPane.getSelectionModel().selectedItemProperty().isNull());
        muteItem.disableProperty()
                .bind(tabPane.getSelectionModel().selectedItemProperty().isNull());
        model.selectedTabProperty().subscribe((was, now) -> {
            if (was != null) {
                muteItem.selectedProperty().unbindBidirectional(was.mutedProperty());
            }
            if (now != null) {
                muteItem.selectedProperty().bindBidirectional(now.mutedProperty());
            }
        });
        followTheme();
        new MessageNotifier(stage).follow(model);
        stage.setOnCloseRequest(event -> {
            event.consume();
            quit();
        });
    }

    private void followTheme() {
        lightThemeItem.setSelected(model.themeProperty().get() == Theme.LIGHT);
        darkThemeItem.setSelected(model.themeProperty().get() == Theme.DARK);
        lightThemeItem.setOnAction(event -> model.themeProperty().set(Theme.LIGHT));
        darkThemeItem.setOnAction(event -> model.themeProperty().set(Theme.DARK));
    }

    /** Ctrl+Tab and Ctrl+Shift+Tab (also Ctrl+PageDown/PageUp) move between tabs wherever the focus is. */
    private void switchTabsByKey(KeyEvent event) {
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

    private void showRegistrySecurity() {
        LockIcon lock = new LockIcon();
        registrySecurityLabel.setGraphic(lock);
        Tooltip tip = new Tooltip();
        registrySecurityLabel.setTooltip(tip);
        model.registry().fingerprintProperty().subscribe(fingerprint -> {
            registrySecurityLabel.setVisible(fingerprint != null);
            boolean secure = fingerprint != null && !fingerprint.isEmpty();
            lock.setClosed(secure);
            registrySecurityLabel.setText(secure ? "registry " + fingerprint : "registry not encrypted");
            tip.setText(
                    secure
                            ? "The registry answered with the key you trusted (fingerprint " + fingerprint + ")."
                            : "The registry runs without security.");
        });
    }

    /** Unread messages over all tabs, for the window title. */
    public ReadOnlyIntegerProperty unreadTotal() {
        return unreadTotal;
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
                view[0].focusDraft();
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

    private void confirmLeave(ChatTabViewModel tabModel) {
        Alert ask = new Alert(
                Alert.AlertType.CONFIRMATION,
                "You will stop receiving its messages, and it will not reopen next time.",
                ButtonType.CANCEL,
                ButtonType.OK);
        ask.initOwner(stage);
        ask.setTitle("Leave group");
        ask.setHeaderText("Leave \"" + tabModel.groupName() + "\"?");
        ((Button) ask.getDialogPane().lookupButton(ButtonType.OK)).setText("Leave");
        DialogKeys.closeAfterKeyEvent(ask);
        ask.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.leave(tabModel));
    }

    @FXML
    private void closeSelected() {
        Tab selected = tabPane.getSelectionModel().getSelectedItem();
        if (selected != null) {
            model.closeTab((ChatTabViewModel) selected.getUserData());
        }
    }

    @FXML
    private void leaveSelected() {
        Tab selected = tabPane.getSelectionModel().getSelectedItem();
        if (selected != null) {
            confirmLeave((ChatTabViewModel) selected.getUserData());
        }
    }

    @FXML
    private void quickSwitch() {
        new QuickSwitcher(
                        stage,
                        model.tabs().stream().map(ChatTabViewModel::groupName).toList())
                .choose(name -> model.tabs().stream()
                        .filter(t -> t.groupName().equals(name))
                        .findFirst()
                        .ifPresent(model.selectedTabProperty()::set));
    }

    @FXML
    private void searchSelected() {
        Tab selected = tabPane.getSelectionModel().getSelectedItem();
        if (selected != null) {
            viewsByModel.get((ChatTabViewModel) selected.getUserData()).openSearch();
        }
    }

    @FXML
    private void shortcuts() {
        new ShortcutsDialog(stage).show();
    }

    @FXML
    private void about() {
        new AboutDialog(stage, model.identity()).show();
    }

    @FXML
    private void newGroup() {
        new NewGroupDialog(stage, model).show();
    }

    @FXML
    private void connectToRegistry() {
        new RegistryDialog(stage, model.registry()).show();
    }

    @FXML
    private void quit() {
        model.quit(onQuit);
    }
}
