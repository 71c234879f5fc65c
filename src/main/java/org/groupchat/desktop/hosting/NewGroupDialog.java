package org.groupchat.desktop.hosting;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.groupchat.desktop.fx.DialogKeys;
import org.groupchat.desktop.fx.Validation;
import org.groupchat.desktop.main.MainWindowViewModel;

/** "New group…": a name and an optional port; a refused input keeps the dialog open and says why. */
public final class NewGroupDialog extends Dialog<ButtonType> {

    public NewGroupDialog(Window owner, MainWindowViewModel model) {
        initOwner(owner);
        setTitle("New group");
        setHeaderText("Host a new group on this computer.\nIt is listed in the registry while this app runs.");
        TextField name = new TextField();
        name.setId("newGroupName");
        name.setPromptText("Group name");
        TextField port = new TextField();
        port.setId("newGroupPort");
        port.setPromptText("automatic");
        Label problem = new Label();
        problem.getStyleClass().add("refusal");
        problem.setWrapText(true);
        // a wrapped label is measured at its preferred width; without one it was cut to a line ending in "..."
        problem.setPrefWidth(360);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Port"), port);
        VBox content = new VBox(10, grid, problem);
        content.setPadding(new Insets(10));
        content.setPrefWidth(380);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, event -> {
            Validation checked = model.newGroup(name.getText(), port.getText());
            if (!checked.valid()) {
                problem.setText(checked.problem());
                getDialogPane().getScene().getWindow().sizeToScene();
                event.consume();
            }
        });
        setOnShown(event -> name.requestFocus());
        DialogKeys.closeAfterKeyEvent(this);
    }
}
