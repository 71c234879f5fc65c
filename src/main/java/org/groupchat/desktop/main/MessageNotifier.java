package org.groupchat.desktop.main;

import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.groupchat.desktop.chat.ChatLine;

/** Shows a ControlsFX notification for a message that arrived while its tab was out of view. */
final class MessageNotifier {
    private static final int MAX_PREVIEW = 120;
    private final Stage stage;

    MessageNotifier(Stage stage) {
        this.stage = stage;
    }

    void follow(MainWindowViewModel model) {
        model.setOnIncoming(this::show);
    }

    private void show(IncomingMessage message) {
        if (!stage.isShowing() || Boolean.getBoolean("groupchat.noNotifications")) {
            return;
        }
        ChatLine line = message.line();
        String text = line.text().length() > MAX_PREVIEW ? line.text().substring(0, MAX_PREVIEW) + "…" : line.text();
        Notifications.create()
                .owner(stage)
                .title(line.sender().name() + " in " + message.groupName())
                .text(text)
                .hideAfter(Duration.seconds(5))
                .showInformation();
    }
}
