package org.groupchat.group.files;

import java.util.Locale;

/** The text a v1 client shows for a file event: {@code shared a file: report.pdf (1.2 MB)}. */
final class FileEventText {
    private FileEventText() {}

    static String of(String name, long size) {
        return "shared a file: " + name + " (" + size(size) + ")";
    }

    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1000.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
