package org.groupchat.desktop.groups;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import org.groupchat.protocol.GroupInfo;

/** Binds GroupsPane.fxml to a {@link GroupsViewModel}: filter box, table, Join button and double-click. */
public final class GroupsView {
    private final GroupsViewModel model;

    @FXML
    private TextField filterField;

    @FXML
    private TableView<GroupInfo> groupTable;

    @FXML
    private TableColumn<GroupInfo, String> nameColumn;

    @FXML
    private TableColumn<GroupInfo, Integer> membersColumn;

    @FXML
    private TableColumn<GroupInfo, Integer> onlineColumn;

    @FXML
    private Button joinButton;

    @FXML
    private Label statusLabel;

    public GroupsView(GroupsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        filterField.textProperty().bindBidirectional(model.filterProperty());
        groupTable.setItems(model.shownGroups());
        groupTable.setPlaceholder(new Label("No live groups"));
        nameColumn.setCellValueFactory(
                c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        membersColumn.setCellValueFactory(
                c -> new ReadOnlyObjectWrapper<>(c.getValue().members()));
        onlineColumn.setCellValueFactory(
                c -> new ReadOnlyObjectWrapper<>(c.getValue().online()));
        groupTable.setRowFactory(table -> {
            TableRow<GroupInfo> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    model.join(row.getItem());
                }
            });
            return row;
        });
        // Enter joins: the selected group in the table, or from the filter box the first group it shows
        groupTable.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            GroupInfo selected = groupTable.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null) {
                event.consume();
                model.join(selected);
            }
        });
        filterField.setOnAction(
                event -> model.shownGroups().stream().findFirst().ifPresent(model::join));
        joinButton
                .disableProperty()
                .bind(groupTable.getSelectionModel().selectedItemProperty().isNull());
        statusLabel.textProperty().bind(model.statusProperty());
    }

    @FXML
    private void join() {
        model.join(groupTable.getSelectionModel().getSelectedItem());
    }
}
