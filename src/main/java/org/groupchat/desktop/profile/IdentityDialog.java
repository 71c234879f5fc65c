package org.groupchat.desktop.profile;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.groupchat.desktop.fx.AppIcons;
import org.groupchat.desktop.fx.DialogKeys;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.security.CurveKeyPair;

/** The first-start dialog that asks for a display name and creates this profile's identity. */
public final class IdentityDialog extends Dialog<Identity> {

    public IdentityDialog(String profile, CurveKeyPair keys) {
        setTitle("Welcome to GroupChat");
        setHeaderText("Choose the name others will see"
                + (profile.equals(ProfilePaths.DEFAULT_PROFILE) ? "" : " (profile \"" + profile + "\")"));
        TextField name = new TextField();
        name.setId("displayName");
        name.setPromptText("Your name");
        Label problem = new Label();
        problem.getStyleClass().add("refusal");
        VBox content = new VBox(8, new Label("Display name"), name, problem);
        content.setPadding(new Insets(10));
        content.setPrefWidth(360);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.OK);
        var ok = getDialogPane().lookupButton(ButtonType.OK);
        name.textProperty().subscribe(text -> {
            String reason = check(text);
            problem.setText(text.isEmpty() ? "" : reason == null ? "" : reason);
            ok.setDisable(reason != null);
        });
        setResultConverter(button -> button == ButtonType.OK && check(name.getText()) == null
                ? Identity.create(name.getText().strip(), keys)
                : null);
        // focused before the window shows, so the first keys typed land in the field however fast they come
        name.requestFocus();
        setOnShown(event -> name.requestFocus());
        DialogKeys.closeAfterKeyEvent(this);
        AppIcons.apply((Stage) getDialogPane().getScene().getWindow());
    }

    private static String check(String text) {
        try {
            Fields.name(text, new Fields.Subject("The name"));
            return null;
        } catch (ProtocolException e) {
            return e.getMessage();
        }
    }
}
