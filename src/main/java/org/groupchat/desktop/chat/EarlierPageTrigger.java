package org.groupchat.desktop.chat;

import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.ScrollEvent;

/** Asks for the page before the first loaded message when the user scrolls or drags the list to its top. */
final class EarlierPageTrigger {
    private final ListView<ChatLine> messageList;
    private final HistoryNavigation history;

    private EarlierPageTrigger(ListView<ChatLine> messageList, HistoryNavigation history) {
        this.messageList = messageList;
        this.history = history;
    }

    /** Watches the list each time it gets a skin (its scroll bars come with the skin). */
    static void install(ListView<ChatLine> messageList, HistoryNavigation history) {
        EarlierPageTrigger trigger = new EarlierPageTrigger(messageList, history);
        messageList.skinProperty().addListener((obs, was, skin) -> trigger.watchScrollTop());
    }

    private void watchScrollTop() {
        // only a scroll the user makes asks for earlier pages; a list that shrank (load since) must not
        messageList.addEventFilter(ScrollEvent.SCROLL, event -> {
            if (event.getDeltaY() > 0) {
                Platform.runLater(this::loadEarlierIfAtTop);
            }
        });
        for (var node : messageList.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                bar.valueProperty().addListener((obs, was, now) -> {
                    Node thumb = bar.lookup(".thumb");
                    boolean dragged = bar.isPressed() || (thumb != null && thumb.isPressed());
                    if (dragged && now.doubleValue() <= bar.getMin()) {
                        history.loadEarlier();
                    }
                });
            }
        }
    }

    private void loadEarlierIfAtTop() {
        VirtualFlow<?> flow = (VirtualFlow<?>) messageList.lookup(".virtual-flow");
        if (flow != null
                && flow.getFirstVisibleCell() != null
                && flow.getFirstVisibleCell().getIndex() == 0) {
            history.loadEarlier();
        }
    }
}
