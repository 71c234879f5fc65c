package org.groupchat.client;

/** File names for downloads: a shared name made safe to create on any desktop, and {@code name (n).ext} variants. */
public final class SafeNames {
    private SafeNames() {}

    /** The name without characters Windows or macOS refuse; "file" when nothing usable is left. */
    public static String of(String shared) {
        String cleaned = shared.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        while (cleaned.endsWith(".")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        return cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.') ? "file" : cleaned;
    }

    /** {@code report.pdf} -> {@code report (n).pdf}; {@code notes} -> {@code notes (n)}. */
    public static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return name + " (" + n + ")";
        }
        return name.substring(0, dot) + " (" + n + ")" + name.substring(dot);
    }
}
