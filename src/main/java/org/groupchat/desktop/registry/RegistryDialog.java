package org.groupchat.desktop.registry;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.groupchat.desktop.fx.DialogKeys;
import org.groupchat.desktop.fx.Validation;
import org.groupchat.security.PublicKeys;

/**
 * "Connect to registry…": an address like tcp://host:5555 and, for a secure registry, its server key (pasted, or
 * the path of its {@code .key} file), checked before the dialog closes, then remembered for that address.
 */
public final class RegistryDialog extends Dialog<ButtonType> {
    private final RegistryConnection model;
    private final TextField address;
    private final TextField key;
    private final Label problem = new Label();

    public RegistryDialog(Window owner, RegistryConnection model) {
        this.model = model;
        initOwner(owner);
        setTitle("Connect to registry");
        setHeaderText("The registry lists the groups you can join.");
        String current = model.address();
        address = new TextField(current);
        address.setId("registryAddress");
        address.setPromptText("tcp://host:5555");
        String trusted = model.trustedKey(current);
        key = new TextField(trusted == null ? "" : trusted);
        key.setId("registryKey");
        key.setPromptText("empty for a registry without security");
        address.textProperty().addListener((obs, was, now) -> {
            String known = model.trustedKey(now.strip());
            key.setText(known == null ? "" : known);
        });
        Label keyHint = new Label("Its launcher prints the key and its fingerprint at start; paste the key or the"
                + " path of its .key file. It is remembered for this address.");
        keyHint.getStyleClass().add("muted");
        keyHint.setWrapText(true);
        problem.getStyleClass().add("refusal");
        problem.setWrapText(true);
        VBox content =
                new VBox(8, new Label("Address"), address, new Label("Server key (optional)"), key, keyHint, problem);
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
            Validation checked = model.connectTo(address.getText(), keyText.isEmpty() ? null : keyText);
            if (!checked.valid()) {
                problem.setText(checked.problem());
                event.consume();
            }
            return;
        }
        event.consume();
        problem.setText("Reading the key file…");
        model.readPublicKey(
                keyText,
                serverKey -> {
                    Validation checked = model.connectTo(address.getText(), serverKey);
                    if (checked.valid()) {
                        setResult(ButtonType.OK);
                        close();
                    } else {
                        problem.setText(checked.problem());
                    }
                },
                problem::setText);
    }
}
