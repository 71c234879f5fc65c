package org.groupchat.desktop.files;

import java.util.Locale;
import java.util.Set;
import org.groupchat.protocol.FileInfo;

/** Which shared files this app shows as pictures: the formats JavaFX decodes (not WebP), up to a size worth fetching. */
public final class ImageTypes {
    /** Pictures larger than this show as a card; fetching them for a thumbnail would cost more than it shows. */
    public static final long MOST_BYTES_FOR_THUMBNAIL = 10_000_000;

    private static final Set<String> SHOWN = Set.of("image/png", "image/jpeg", "image/gif", "image/bmp");

    private ImageTypes() {}

    public static boolean shownInline(FileInfo file) {
        return file.mediaType() != null
                && SHOWN.contains(file.mediaType().toLowerCase(Locale.ROOT))
                && file.size() <= MOST_BYTES_FOR_THUMBNAIL;
    }
}
