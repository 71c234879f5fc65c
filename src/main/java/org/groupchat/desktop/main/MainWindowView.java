package org.groupchat.desktop.main;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.groupchat.desktop.chat.ChatTabView;
import org.groupchat.desktop.chat.ChatTabViewModel;
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
    private Parent root;
    private ChatTabPane tabs;

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
        view.root.addEventFilter(KeyEvent.KEY_PRESSED, view.tabs::switchTabsByKey);
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
        StatusBar.bind(model, statusLabel, identityLabel, registrySecurityLabel);
        emptyHint.visibleProperty().bind(Bindings.isEmpty(tabPane.getTabs()));
        tabs = new ChatTabPane(model, tabPane, stage);
        tabs.bind();
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

    /** Unread messages over all tabs, for the window title. */
    public ReadOnlyIntegerProperty unreadTotal() {
        return tabs.unreadTotal();
    }

    @FXML
    private void closeSelected() {
        ChatTabViewModel selected = tabs.selected();
        if (selected != null) {
            model.closeTab(selected);
        }
    }

    @FXML
    private void leaveSelected() {
        ChatTabViewModel selected = tabs.selected();
        if (selected != null && LeaveConfirmation.confirmed(stage, selected.groupName())) {
            model.leave(selected);
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
        ChatTabView selected = tabs.selectedView();
        if (selected != null) {
            selected.openSearch();
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
