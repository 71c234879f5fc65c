package org.groupchat.desktop.main;

import java.util.HashMap;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.groupchat.desktop.chat.ChatLine;

/**
 * Tells the user about messages that arrived while their tab was out of view, without getting in the way: the
 * system's notifications where there are any ({@link DesktopNotifications}), else a small pop-up at the window's
 * top right, never over the send box. One notice per group at a time: messages that follow within a few seconds
 * are counted into one "N new messages in Lobby".
 */
final class MessageNotifier {
    private static final int MAX_PREVIEW = 90;
    private static final Duration QUIET = Duration.seconds(4);
    private final Stage stage;
    private final DesktopNotifications system = DesktopNotifications.detect();
    private final Map<String, Burst> bursts = new HashMap<>();

    MessageNotifier(Stage stage) {
        this.stage = stage;
    }

    void follow(MainWindowViewModel model) {
        model.setOnIncoming(this::arrived);
    }

    private void arrived(IncomingMessage message) {
        if (!stage.isShowing() || Boolean.getBoolean("groupchat.noNotifications")) {
            return;
        }
        Burst burst = bursts.get(message.groupName());
        if (burst != null) {
            burst.more++;
            return;
        }
        ChatLine line = message.line();
        show(line.sender().name() + " in " + message.groupName(), preview(line.text()));
        Burst started = new Burst();
        bursts.put(message.groupName(), started);
        started.quiet.setOnFinished(event -> {
            bursts.remove(message.groupName());
            if (started.more > 0) {
                show(message.groupName(), started.more == 1 ? "1 more new message"
                        : started.more + " more new messages");
            }
        });
        started.quiet.play();
    }

    private void show(String title, String text) {
        if (system.available()) {
            system.show(title, text);
            return;
        }
        Notifications.create()
                .owner(stage)
                .position(Pos.TOP_RIGHT)
                .title(title)
                .text(text)
                .hideAfter(Duration.seconds(5))
                .show();
    }

    private static String preview(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > MAX_PREVIEW ? oneLine.substring(0, MAX_PREVIEW) + "…" : oneLine;
    }

    /** The messages of one group since its last notice, until it has been quiet for a while. */
    private static final class Burst {
        final PauseTransition quiet = new PauseTransition(QUIET);
        int more;
    }
}
