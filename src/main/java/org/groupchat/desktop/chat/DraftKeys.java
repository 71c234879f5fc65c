package org.groupchat.desktop.chat;

import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Keys in the send box: mention completion first, then ↑ edits the last message, Esc cancels, Enter sends. */
final class DraftKeys {
    private final ChatTabViewModel model;
    private final TextArea draftArea;
    private final MentionCompletion mentions;

    private DraftKeys(ChatTabViewModel model, TextArea draftArea) {
        this.model = model;
        this.draftArea = draftArea;
        this.mentions = new MentionCompletion(draftArea, model.composer());
    }

    static void install(ChatTabViewModel model, TextArea draftArea) {
        DraftKeys keys = new DraftKeys(model, draftArea);
        draftArea.addEventFilter(KeyEvent.KEY_PRESSED, keys::onKey);
    }

    private void onKey(KeyEvent event) {
        if (mentions.handle(event)) {
            event.consume();
            return;
        }
        if (event.getCode() == KeyCode.UP
                && !event.isShiftDown()
                && model.composer().editLast()) {
            event.consume();
            draftArea.end();
            return;
        }
        if (event.getCode() == KeyCode.ESCAPE && model.composer().cancel()) {
            event.consume();
            return;
        }
        if (event.getCode() != KeyCode.ENTER) {
            return;
        }
        event.consume();
        if (event.isShiftDown()) {
            draftArea.insertText(draftArea.getCaretPosition(), "\n");
        } else {
            model.send();
        }
    }
}
