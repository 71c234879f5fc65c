package org.groupchat.desktop.main;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** "Connect to registry…": an address like tcp://host:5555, checked before the dialog closes, then remembered. */
final class RegistryDialog extends Dialog<ButtonType> {

    RegistryDialog(Window owner, MainWindowViewModel model) {
        initOwner(owner);
        setTitle("Connect to registry");
        setHeaderText("The registry lists the groups you can join.");
        TextField address = new TextField(model.registryAddressProperty().get());
        address.setId("registryAddress");
        address.setPromptText("tcp://host:5555");
        Label problem = new Label();
        problem.getStyleClass().add("refusal");
        problem.setWrapText(true);
        VBox content = new VBox(8, new Label("Address"), address, problem);
        content.setPadding(new Insets(10));
        content.setPrefWidth(380);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, event -> {
            String refusal = model.connectToRegistry(address.getText());
            if (refusal != null) {
                problem.setText(refusal);
                event.consume();
            }
        });
        setOnShown(event -> address.requestFocus());
    }
}
