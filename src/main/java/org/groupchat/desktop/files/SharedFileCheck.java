package org.groupchat.desktop.files;

import java.util.regex.Pattern;
import org.groupchat.protocol.FileInfo;

/**
 * Whether a file event's description can be trusted enough to show it as a file: an id, a name, a size of zero or
 * more, and a SHA-256 of 64 hex digits (it names the picture cache's files, so it must never be a path).
 */
public final class SharedFileCheck {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private SharedFileCheck() {}

    public static boolean wellFormed(FileInfo file) {
        return file != null
                && file.id() != null
                && !file.id().isBlank()
                && file.name() != null
                && !file.name().isBlank()
                && file.size() >= 0
                && file.sha256() != null
                && SHA256.matcher(file.sha256()).matches();
    }
}
