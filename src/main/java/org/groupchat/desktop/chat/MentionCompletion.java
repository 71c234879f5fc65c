package org.groupchat.desktop.chat;

import java.util.List;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
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

    MentionCompletion(TextArea draft, Composer composer) {
        this.draft = draft;
        this.composer = composer;
        popup.setId("mention-popup");
        popup.setAutoHide(true);
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

    private void update() {
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
            popup.show(draft, Side.TOP, 8, 0);
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
        draft.replaceText(start, caret, "@" + member.name() + " ");
        draft.positionCaret(start + member.name().length() + 2);
    }
}
