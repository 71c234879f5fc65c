package org.groupchat.desktop.chat;

import java.util.Locale;

/** A file's size as people read it (1.2 MB), and the text a row shows for a file while it is ours alone. */
public final class FileSizes {
    private FileSizes() {}

    public static String of(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1000.0);
        }
        if (bytes < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1_000_000_000.0);
    }

    static String describe(String name, long size) {
        return "shared a file: " + name + " (" + of(size) + ")";
    }
}
