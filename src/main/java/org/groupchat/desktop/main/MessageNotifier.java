package org.groupchat.desktop.main;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.groupchat.desktop.chat.ChatLine;
import org.groupchat.desktop.chat.DisplayNames;
import org.groupchat.desktop.chat.Markdown;

/**
 * Tells the user about messages that arrived while their tab was out of view, without getting in the way: the
 * system's notifications where there are any ({@link DesktopNotifications}), else a small pop-up at the window's
 * top right, never over the send box, at most {@value #MAX_SHOWN} at once. One notice per group at a time: messages
 * that follow within a few seconds are counted into one "N more new messages"; a summary that finds no free place
 * waits for one.
 */
final class MessageNotifier {
    static final int MAX_SHOWN = 3;
    // ControlsFX places a pop-up as if it were 410 px wide: wider text would run past the window's right edge
    private static final double TEXT_WIDTH = 300;
    private static final int MAX_PREVIEW = 90;
    private static final int MAX_TITLE = 40;
    private static final int MAX_SYSTEM_PREVIEW = 200;
    private static final Duration QUIET = Duration.seconds(4);
    private static final Duration SHOWN = Duration.seconds(5);
    private static final String STYLE = "message-notice";
    private final Stage stage;
    private final DesktopNotifications system = DesktopNotifications.detect();
    private final Map<String, Burst> bursts = new HashMap<>();
    private final Map<String, Summary> waiting = new LinkedHashMap<>();

    MessageNotifier(Stage stage) {
        this.stage = stage;
        // a pop-up that went (hidden and faded out) frees its place for a waiting summary
        Window.getWindows().addListener((ListChangeListener<Window>) change -> {
            while (change.next()) {
                if (change.wasRemoved()) {
                    showWaiting();
                }
            }
        });
    }

    void follow(MainWindowViewModel model) {
        model.setOnIncoming(this::arrived);
    }

    private void arrived(IncomingMessage message) {
        if (!stage.isShowing() || Boolean.getBoolean("groupchat.noNotifications")) {
            return;
        }
        String group = message.groupName();
        if (message.mentionsYou()) {
            ChatLine line = message.line();
            show(DisplayNames.shown(line.sender().name()) + " mentioned you in " + group, Markdown.plain(line.text()));
            return;
        }
        Burst burst = bursts.get(group);
        if (burst != null) {
            burst.more++;
            return;
        }
        ChatLine line = message.line();
        Burst started =
                new Burst(show(DisplayNames.shown(line.sender().name()) + " in " + group, Markdown.plain(line.text())));
        bursts.put(group, started);
        started.quiet.setOnFinished(event -> {
            bursts.remove(group);
            if (started.more > 0) {
                waiting.merge(group, new Summary(started.more, started.firstShown), Summary::plus);
                showWaiting();
            }
        });
        started.quiet.play();
    }

    private void showWaiting() {
        Iterator<Map.Entry<String, Summary>> next = waiting.entrySet().iterator();
        while (next.hasNext() && (system.available() || showing() < MAX_SHOWN)) {
            Map.Entry<String, Summary> summary = next.next();
            show(summary.getKey(), summary.getValue().text());
            next.remove();
        }
    }

    /** False when the in-window pop-ups are at their cap and this one was not shown. */
    private boolean show(String title, String text) {
        if (system.available()) {
            system.show(title, shortened(text, MAX_SYSTEM_PREVIEW));
            return true;
        }
        if (showing() >= MAX_SHOWN) {
            return false;
        }
        Notifications.create()
                .owner(stage)
                .position(Pos.TOP_RIGHT)
                .title(shortened(title, MAX_TITLE))
                .graphic(oneLine(shortened(text, MAX_PREVIEW)))
                .styleClass(STYLE)
                .hideAfter(SHOWN)
                .show();
        return true;
    }

    /** Our pop-ups on screen now, counted from the windows themselves, those fading out included. */
    private static int showing() {
        return (int) Window.getWindows().stream()
                .filter(window -> window instanceof PopupWindow
                        && window.isShowing()
                        && window.getScene() != null
                        && window.getScene().getRoot().lookup("." + STYLE) != null)
                .count();
    }

    /** One line, cut with an ellipsis at the pop-up's width: ControlsFX does not make its bar taller for more. */
    private static Label oneLine(String text) {
        Label label = new Label(text);
        label.setMaxWidth(TEXT_WIDTH);
        return label;
    }

    private static String shortened(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        if (oneLine.codePointCount(0, oneLine.length()) <= max) {
            return oneLine;
        }
        return oneLine.substring(0, oneLine.offsetByCodePoints(0, max)).stripTrailing() + "…";
    }

    /** The messages of one group since its last notice, until it has been quiet for a while. */
    private static final class Burst {
        final PauseTransition quiet = new PauseTransition(QUIET);
        final boolean firstShown;
        int more;

        Burst(boolean firstShown) {
            this.firstShown = firstShown;
            more = firstShown ? 0 : 1;
        }
    }

    /** A group's messages not yet told one by one; "more" when the first of them was. */
    private record Summary(int count, boolean more) {
        Summary plus(Summary later) {
            return new Summary(count + later.count, more);
        }

        String text() {
            return count + (more ? " more" : "") + (count == 1 ? " new message" : " new messages");
        }
    }
}
