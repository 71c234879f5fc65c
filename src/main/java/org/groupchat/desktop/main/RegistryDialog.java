package org.groupchat.desktop.main;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.groupchat.desktop.fx.DialogKeys;
import javafx.stage.Window;
import org.groupchat.security.PublicKeys;

/**
 * "Connect to registry…": an address like tcp://host:5555 and, for a secure registry, its server key (pasted, or
 * the path of its {@code .key} file), checked before the dialog closes, then remembered for that address.
 */
final class RegistryDialog extends Dialog<ButtonType> {
    private final MainWindowViewModel model;
    private final TextField address;
    private final TextField key;
    private final Label problem = new Label();

    RegistryDialog(Window owner, MainWindowViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle("Connect to registry");
        setHeaderText("The registry lists the groups you can join.");
        String current = model.registryAddressProperty().get();
        address = new TextField(current);
        address.setId("registryAddress");
        address.setPromptText("tcp://host:5555");
        String trusted = model.trustedRegistryKey(current);
        key = new TextField(trusted == null ? "" : trusted);
        key.setId("registryKey");
        key.setPromptText("empty for a registry without security");
        address.textProperty().addListener((obs, was, now) -> {
            String known = model.trustedRegistryKey(now.strip());
            key.setText(known == null ? "" : known);
        });
        Label keyHint = new Label("Its launcher prints the key and its fingerprint at start; paste the key or the"
                + " path of its .key file. It is remembered for this address.");
        keyHint.getStyleClass().add("muted");
        keyHint.setWrapText(true);
        problem.getStyleClass().add("refusal");
        problem.setWrapText(true);
        VBox content = new VBox(8, new Label("Address"), address, new Label("Server key (optional)"), key, keyHint,
                problem);
        content.setPadding(new Insets(10));
        content.setPrefWidth(440);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, this::connect);
        setOnShown(event -> address.requestFocus());
        DialogKeys.closeAfterKeyEvent(this);
    }

    private void connect(ActionEvent event) {
        String keyText = key.getText() == null ? "" : key.getText().strip();
        if (keyText.isEmpty() || PublicKeys.isValid(keyText)) {
            String refusal = model.connectToRegistry(address.getText(), keyText.isEmpty() ? null : keyText);
            if (refusal != null) {
                problem.setText(refusal);
                event.consume();
            }
            return;
        }
        event.consume();
        problem.setText("Reading the key file…");
        model.readPublicKey(keyText, serverKey -> {
            String refusal = model.connectToRegistry(address.getText(), serverKey);
            if (refusal == null) {
                setResult(ButtonType.OK);
                close();
            } else {
                problem.setText(refusal);
            }
        }, problem::setText);
    }
}
