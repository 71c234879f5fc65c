package org.groupchat.desktop.main;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.groupchat.desktop.fx.AppIcons;
import org.groupchat.desktop.fx.DialogKeys;
import org.groupchat.desktop.profile.Identity;
import org.groupchat.protocol.ProtocolVersion;

/** Help › About: the version, the protocol it speaks, the licence, and who you are here. */
final class AboutDialog extends Dialog<ButtonType> {

    AboutDialog(Window owner, Identity identity) {
        initOwner(owner);
        setTitle("About GroupChat");
        setHeaderText("GroupChat " + ProtocolVersion.SOFTWARE);
        Label what = new Label("Small-group chat on ZeroMQ that never loses a message.");
        what.setWrapText(true);
        Label facts = new Label("Protocol " + ProtocolVersion.PROTOCOL + " · Java " + System.getProperty("java.version")
                + " · JavaFX " + System.getProperty("javafx.runtime.version", "?"));
        facts.getStyleClass().add("muted");
        Label licence = new Label("MIT License. Bundled libraries keep their own licences (see the copyright file "
                + "installed with the package).");
        licence.setWrapText(true);
        Label you = new Label("You are " + identity.name() + ", key fingerprint " + identity.fingerprint() + ".");
        you.setWrapText(true);
        VBox content = new VBox(8, what, facts, licence, you);
        content.setPadding(new Insets(10));
        content.setPrefWidth(420);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        DialogKeys.closeAfterKeyEvent(this);
        AppIcons.apply((Stage) getDialogPane().getScene().getWindow());
    }
}
