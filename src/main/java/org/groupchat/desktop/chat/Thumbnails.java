package org.groupchat.desktop.chat;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;
import org.groupchat.desktop.files.Picture;

/**
 * Pictures scaled down for the conversation, decoded in the background and kept for the rows scrolled past, so a
 * picture is not read and decoded again each time its row comes back into view.
 */
final class Thumbnails {
    private static final int KEPT = 48;
    private final Map<String, Image> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > KEPT;
        }
    };

    /** The picture scaled down to fit {@code maxWidth} × {@code maxHeight} (never up), decoded in the background. */
    Image of(Picture picture, double maxWidth, double maxHeight) {
        double[] size = picture.fitted(maxWidth, maxHeight);
        String key = picture.file() + "@" + size[0] + "x" + size[1];
        return kept.computeIfAbsent(
                key, k -> new Image(picture.file().toUri().toString(), size[0], size[1], true, true, true));
    }
}
