package org.groupchat.desktop.chat;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.PopupWindow;
import org.groupchat.protocol.Member;

/**
 * Typing "@" in the send box offers the group's members whose name starts with what follows; Tab, Enter or a click
 * puts "@Name " in the draft and notes the mention for the message.
 */
final class MentionCompletion {
    private static final int SHOWN = 8;
    private final TextArea draft;
    private final Composer composer;
    private final ContextMenu popup = new ContextMenu();
    private List<Member> offered = List.of();
    private int start = -1;
    private boolean navigated;
    private boolean picking;

    MentionCompletion(TextArea draft, Composer composer) {
        this.draft = draft;
        this.composer = composer;
        popup.setId("mention-popup");
        popup.setAutoHide(true);
        // Anchored by its bottom: placed by its top, a list not yet measured opened over the text being typed.
        popup.setAnchorLocation(PopupWindow.AnchorLocation.CONTENT_BOTTOM_LEFT);
        // Keys go to a showing menu first, and a menu with no item chosen swallowed Enter.
        popup.addEventFilter(KeyEvent.KEY_PRESSED, this::onMenuKey);
        draft.caretPositionProperty().addListener((obs, was, now) -> update());
        draft.textProperty().addListener((obs, was, now) -> update());
    }

    boolean showing() {
        return popup.isShowing();
    }

    /** Tab or Enter picks the first offer, Esc closes the list; true when the key was ours. */
    boolean handle(KeyEvent event) {
        if (!popup.isShowing() || offered.isEmpty()) {
            return false;
        }
        if (event.getCode() == KeyCode.TAB || event.getCode() == KeyCode.ENTER) {
            pick(offered.get(0));
            return true;
        }
        if (event.getCode() == KeyCode.ESCAPE) {
            popup.hide();
            return true;
        }
        return false;
    }

    /** Enter picks the first offer unless ↑ or ↓ chose another, which the menu then picks itself. */
    private void onMenuKey(KeyEvent event) {
        if (event.getCode() == KeyCode.UP || event.getCode() == KeyCode.DOWN) {
            navigated = true;
        } else if (event.getCode() == KeyCode.ENTER && !navigated && !offered.isEmpty()) {
            pick(offered.get(0));
            event.consume();
        }
    }

    private void update() {
        if (picking) {
            return;
        }
        String text = draft.getText();
        int caret = Math.min(draft.getCaretPosition(), text.length());
        int at = text.lastIndexOf('@', caret - 1);
        boolean wordStart = at == 0 || at > 0 && Character.isWhitespace(text.charAt(at - 1));
        String typed = at < 0 ? "" : text.substring(at + 1, caret);
        if (at < 0 || !wordStart || typed.contains("\n") || typed.length() > 64) {
            popup.hide();
            return;
        }
        start = at;
        offered = composer.mentionCandidates(typed, SHOWN);
        if (offered.isEmpty()) {
            popup.hide();
            return;
        }
        popup.getItems().setAll(offered.stream().map(this::item).toList());
        if (!popup.isShowing() && draft.getScene() != null) {
            navigated = false;
            Bounds box = draft.localToScreen(draft.getBoundsInLocal());
            popup.show(draft, box.getMinX() + 8, box.getMinY());
        }
    }

    private CustomMenuItem item(Member member) {
        Label name = new Label("@" + DisplayNames.shown(member.name()) + (member.online() ? "" : "  (away)"));
        CustomMenuItem item = new CustomMenuItem(name, true);
        item.setOnAction(event -> pick(member));
        return item;
    }

    private void pick(Member member) {
        popup.hide();
        composer.mention(member);
        int caret = Math.min(draft.getCaretPosition(), draft.getText().length());
        // the text and caret change in two steps: in between, the list would open again on the half-placed name
        picking = true;
        try {
            draft.replaceText(start, caret, "@" + member.name() + " ");
            draft.positionCaret(start + member.name().length() + 2);
        } finally {
            picking = false;
        }
    }
}
