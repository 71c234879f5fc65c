package org.groupchat.desktop.emoji;

import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;

/**
 * The colour emoji bundled with the app (Noto Emoji images in one sprite sheet): JavaFX cannot draw a colour emoji
 * font on Linux, so messages draw these images in place of the characters.
 */
public final class Emojis {
    private static final int CELL = 32;
    private static final int PADDED_CELL = CELL + 2;
    private static final double BASELINE = 0.8;

    private final EmojiIndex index;
    private final Image sheet;

    private Emojis(EmojiIndex index, Image sheet) {
        this.index = index;
        this.sheet = sheet;
    }

    /** The bundled set; the first call reads the index from the jar (make it off the FX thread, at start). */
    public static Emojis bundled() {
        return Holder.BUNDLED;
    }

    public EmojiIndex index() {
        return index;
    }

    /**
     * The emoji as an image {@code size} pixels high that sits on the text's baseline as a glyph does (a fifth of it
     * below), so it does not raise its line; the sheet decodes in the background and shows when ready.
     */
    public Node glyph(Emoji emoji, double size) {
        ImageView view = new ImageView(sheet);
        view.setViewport(new Rectangle2D(emoji.column() * PADDED_CELL + 1, emoji.row() * PADDED_CELL + 1, CELL, CELL));
        view.setFitWidth(size);
        view.setFitHeight(size);
        view.setSmooth(true);
        StackPane glyph = new StackPane(view) {
            @Override
            public double getBaselineOffset() {
                return size * BASELINE;
            }
        };
        glyph.getStyleClass().add("emoji");
        return glyph;
    }

    private static final class Holder {
        static final Emojis BUNDLED = new Emojis(
                EmojiIndex.bundled(),
                new Image(Emojis.class.getResource("/emoji/sheet-32.png").toExternalForm(), true));
    }
}
