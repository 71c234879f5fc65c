package org.groupchat.desktop.chat;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** "Replying to …" or "Editing your message" above the send box, while either lasts. */
final class ComposerModeBar {
    private ComposerModeBar() {}

    /** Binds the bar to the composer; {@code focusDraft} runs when a reply or an edit starts. */
    static void bind(Composer composer, HBox bar, Label label, Button cancel, Runnable focusDraft) {
        cancel.setGraphic(new FontIcon(MaterialDesignC.CLOSE));
        cancel.setAccessibleText("Cancel");
        BooleanBinding active = composer.replyingToProperty()
                .isNotNull()
                .or(composer.editingProperty().isNotNull());
        bar.visibleProperty().bind(active);
        bar.managedProperty().bind(active);
        label.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            ChatLine editing = composer.editingProperty().get();
                            ChatLine replying = composer.replyingToProperty().get();
                            if (editing != null) {
                                return "Editing your message · Esc cancels";
                            }
                            return replying == null
                                    ? ""
                                    : "Replying to "
                                            + (replying.own()
                                                    ? "yourself"
                                                    : DisplayNames.shown(
                                                            replying.sender().name()))
                                            + ": " + firstLine(replying.text());
                        },
                        composer.replyingToProperty(),
                        composer.editingProperty()));
        composer.replyingToProperty().addListener((obs, was, now) -> {
            if (now != null) {
                focusDraft.run();
            }
        });
        composer.editingProperty().addListener((obs, was, now) -> {
            if (now != null) {
                focusDraft.run();
            }
        });
    }

    private static String firstLine(String text) {
        String plain = Markdown.plain(text);
        int end = plain.indexOf('\n');
        String first = end < 0 ? plain : plain.substring(0, end);
        return first.length() > 80 ? first.substring(0, 80) + "…" : first;
    }
}
