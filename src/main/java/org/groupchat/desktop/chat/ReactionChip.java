package org.groupchat.desktop.chat;

import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.groupchat.desktop.emoji.Emojis;
import org.groupchat.desktop.emoji.TextRun;

/** One reaction under a message: the emoji and how many; who, on hover; a click adds or takes back ours. */
final class ReactionChip extends Button {

    ReactionChip(ChatLine.Reaction reaction, Emojis emojis, boolean mine, Runnable toggle) {
        super(Integer.toString(reaction.who().size()));
        getStyleClass().add("reaction");
        if (mine) {
            getStyleClass().add("mine");
        }
        TextRun first = emojis.index().split(reaction.emoji()).get(0);
        if (first.isEmoji()) {
            setGraphic(emojis.glyph(first.emoji(), 16));
        } else {
            setText(reaction.emoji() + " " + reaction.who().size());
        }
        setAccessibleText(reaction.emoji() + " " + reaction.who().size());
        setTooltip(new Tooltip(
                reaction.who().stream().map(u -> DisplayNames.shown(u.name())).collect(Collectors.joining(", "))
                        + " reacted with " + reaction.emoji()
                        + (mine ? "\nClick to take yours back" : "\nClick to react too")));
        setFocusTraversable(false);
        setOnAction(event -> toggle.run());
    }
}
