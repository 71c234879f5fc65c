package org.groupchat.desktop.main;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.groupchat.desktop.fx.LockIcon;

/** Binds the window's status bar: the latest status (in full as a tooltip), who we are, and the registry's lock. */
final class StatusBar {
    private StatusBar() {}

    static void bind(MainWindowViewModel model, Label statusLabel, Label identityLabel, Label registrySecurityLabel) {
        statusLabel.textProperty().bind(model.statusProperty());
        Tooltip fullStatus = new Tooltip();
        fullStatus.setWrapText(true);
        fullStatus.setMaxWidth(520);
        fullStatus.textProperty().bind(model.statusProperty());
        statusLabel.setTooltip(fullStatus);
        identityLabel.setText("You are " + model.identity().name());
        identityLabel.setTooltip(
                new Tooltip("Your key's fingerprint: " + model.identity().fingerprint()));
        showRegistrySecurity(model, registrySecurityLabel);
    }

    private static void showRegistrySecurity(MainWindowViewModel model, Label registrySecurityLabel) {
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
}
