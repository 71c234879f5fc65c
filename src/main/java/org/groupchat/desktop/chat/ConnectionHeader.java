package org.groupchat.desktop.chat;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;
import org.groupchat.desktop.fx.LockIcon;
import org.groupchat.desktop.session.ConnectionState;

/** Binds a tab's header to its model: the connection dot and label, the lock, a handshake problem and a notice. */
final class ConnectionHeader {
    private ConnectionHeader() {}

    static void bind(
            ChatTabViewModel model,
            Circle connectionDot,
            Label connectionLabel,
            Label securityLabel,
            Label handshakeProblemLabel,
            Label noticeLabel) {
        connectionLabel.textProperty().bind(model.connectionProperty().map(ConnectionState::label));
        model.connectionProperty().subscribe(state -> showConnection(connectionDot, state));
        showSecurity(model, securityLabel);
        handshakeProblemLabel.textProperty().bind(model.handshakeProblemProperty());
        handshakeProblemLabel
                .visibleProperty()
                .bind(model.handshakeProblemProperty().isNotEmpty());
        handshakeProblemLabel.managedProperty().bind(handshakeProblemLabel.visibleProperty());
        noticeLabel.textProperty().bind(model.noticeProperty());
        noticeLabel.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        noticeLabel.managedProperty().bind(noticeLabel.visibleProperty());
    }

    private static void showSecurity(ChatTabViewModel model, Label securityLabel) {
        LockIcon lock = new LockIcon();
        securityLabel.setGraphic(lock);
        Tooltip tip = new Tooltip();
        securityLabel.setTooltip(tip);
        model.serverFingerprintProperty().subscribe(fingerprint -> {
            boolean secure = !fingerprint.isEmpty();
            lock.setClosed(secure);
            securityLabel.setText(secure ? "secure · " + fingerprint : "not encrypted");
            tip.setText(
                    secure
                            ? "Encrypted (CURVE): only a server holding the key with fingerprint " + fingerprint
                                    + " can answer."
                            : "This group runs without security: others on the network can read it.");
        });
    }

    private static void showConnection(Circle connectionDot, ConnectionState state) {
        connectionDot.getStyleClass().setAll("connection-dot", state.name().toLowerCase());
    }
}
