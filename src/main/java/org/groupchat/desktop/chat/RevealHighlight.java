package org.groupchat.desktop.chat;

import javafx.animation.PauseTransition;
import javafx.scene.control.ListView;
import javafx.util.Duration;

/** Scrolls to a revealed message (a search hit, a quoted reply) and lights it up for a moment. */
final class RevealHighlight {
    private final ChatTabViewModel model;
    private final ListView<ChatLine> messageList;
    private final ConversationScroller scroller;

    private RevealHighlight(ChatTabViewModel model, ListView<ChatLine> messageList, ConversationScroller scroller) {
        this.model = model;
        this.messageList = messageList;
        this.scroller = scroller;
    }

    static void install(ChatTabViewModel model, ListView<ChatLine> messageList, ConversationScroller scroller) {
        RevealHighlight highlight = new RevealHighlight(model, messageList, scroller);
        model.history().revealedProperty().addListener((obs, was, now) -> highlight.reveal(now));
    }

    private void reveal(HistoryNavigation.Reveal reveal) {
        if (reveal == null) {
            return;
        }
        ChatLine line = model.conversationLine(reveal.seq());
        int index = line == null ? -1 : messageList.getItems().indexOf(line);
        if (index < 0) {
            return;
        }
        scroller.scrollToRow(index);
        messageList.refresh();
        PauseTransition fade = new PauseTransition(Duration.seconds(2));
        fade.setOnFinished(event -> {
            if (model.history().revealedProperty().get() == reveal) {
                model.history().revealedProperty().set(null);
                messageList.refresh();
            }
        });
        fade.play();
    }
}
