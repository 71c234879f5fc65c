package org.groupchat.desktop.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import org.groupchat.desktop.emoji.Emojis;
import org.groupchat.desktop.emoji.TextRun;
import org.groupchat.desktop.fx.Clipboards;
import org.groupchat.desktop.fx.DialogKeys;
import org.groupchat.protocol.ProtocolVersion;

/**
 * A message's context menu: reply, react, edit and delete one's own, an owner's remove and ban, and copying. It
 * offers only what the group's server supports (PING's features) and what this user may do.
 */
final class MessageMenu {
    /** The quick reactions, each with the word the menu shows beside its picture (JavaFX draws no colour emoji). */
    static final Map<String, String> QUICK_REACTIONS = quickReactions();

    private final ChatTabViewModel model;
    private final Emojis emojis;
    private final TextSelection selection;
    private final Supplier<ChatLine> line;
    private final Supplier<String> shownText;
    private final ContextMenu menu = new ContextMenu();

    MessageMenu(
            ChatTabViewModel model,
            Emojis emojis,
            TextSelection selection,
            Supplier<ChatLine> line,
            Supplier<String> shownText) {
        this.model = model;
        this.emojis = emojis;
        this.selection = selection;
        this.line = line;
        this.shownText = shownText;
    }

    ContextMenu menu() {
        return menu;
    }

    /** Fills the menu for the message now in the cell; call before showing it (a menu without items never shows). */
    void prepare() {
        ChatLine current = line.get();
        menu.getItems().clear();
        if (current == null) {
            return;
        }
        boolean stored = current.seq() > 0;
        boolean alive = stored && !current.gone();
        if (alive && has(ProtocolVersion.REPLIES)) {
            menu.getItems().add(item("Reply", () -> model.composer().replyTo(current)));
        }
        if (alive && has(ProtocolVersion.REACTIONS)) {
            Menu react = new Menu("React");
            QUICK_REACTIONS.forEach((emoji, word) -> {
                MenuItem item = item(
                        word,
                        () -> model.actions()
                                .toggleReaction(current, emoji, model.me().id()));
                TextRun run = emojis.index().split(emoji).get(0);
                if (run.isEmoji()) {
                    item.setGraphic(emojis.glyph(run.emoji(), 18));
                }
                react.getItems().add(item);
            });
            menu.getItems().add(react);
        }
        if (alive && current.own() && has(ProtocolVersion.EDITS)) {
            if (current.file() == null) {
                menu.getItems().add(item("Edit", () -> model.composer().edit(current)));
            }
            menu.getItems()
                    .add(item(
                            "Delete…",
                            () -> confirm(
                                    "Delete this message?",
                                    "Everyone will see \"Message deleted\" in its place.",
                                    "Delete",
                                    () -> model.actions().delete(current))));
        }
        boolean moderates = model.ownerProperty().get() && has(ProtocolVersion.MODERATION) && !current.own();
        if (alive && moderates) {
            menu.getItems().add(new SeparatorMenuItem());
            menu.getItems()
                    .add(item(
                            "Remove message…",
                            () -> confirm(
                                    "Remove this message?",
                                    "You own this group: the message is removed for everyone.",
                                    "Remove",
                                    () -> model.actions().remove(current))));
        }
        if (stored && moderates) {
            String name = DisplayNames.shown(current.sender().name());
            menu.getItems()
                    .add(item(
                            "Remove " + name + " from the group…",
                            () -> confirm(
                                    "Remove " + name + "?",
                                    name + " leaves the group and may join again.",
                                    "Remove",
                                    () -> model.actions().kick(current.sender().id(), name))));
            menu.getItems()
                    .add(item(
                            "Ban " + name + "…",
                            () -> confirm(
                                    "Ban " + name + "?",
                                    name + " leaves the group and cannot join again until an owner lifts the ban.",
                                    "Ban",
                                    () -> model.actions().ban(current.sender().id(), name))));
        }
        if (!menu.getItems().isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
        }
        MenuItem copy = item("Copy", () -> Clipboards.copy(selection.selectedText()));
        TextSelection.Range range = selection.in(current.id());
        copy.setDisable(range == null || range.isEmpty());
        menu.getItems().addAll(copy, item("Copy text", () -> Clipboards.copy(shownText.get())));
    }

    private boolean has(String feature) {
        return model.features().contains(feature);
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setOnAction(event -> action.run());
        return item;
    }

    private void confirm(String header, String content, String verb, Runnable then) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, content, ButtonType.CANCEL, ButtonType.OK);
        ask.initOwner(menu.getOwnerWindow());
        ask.setTitle(verb);
        ask.setHeaderText(header);
        ((Button) ask.getDialogPane().lookupButton(ButtonType.OK)).setText(verb);
        DialogKeys.closeAfterKeyEvent(ask);
        ask.setOnHidden(event -> {
            if (ask.getResult() == ButtonType.OK) {
                then.run();
            }
        });
        ask.show();
    }

    private static Map<String, String> quickReactions() {
        Map<String, String> reactions = new LinkedHashMap<>();
        reactions.put("👍", "Like");
        reactions.put("❤️", "Love");
        reactions.put("😂", "Funny");
        reactions.put("😮", "Surprised");
        reactions.put("😢", "Sad");
        reactions.put("🎉", "Celebrate");
        return reactions;
    }
}
