package org.groupchat.desktop.hosting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A port kept in a one-line file from one start of the app to the next; 0 when there is none or it is unreadable. */
final class RememberedPort {
    private final Path file;

    RememberedPort(Path file) {
        this.file = file;
    }

    int read() {
        try {
            int port = Integer.parseInt(
                    Files.readString(file, StandardCharsets.UTF_8).strip());
            return port > 0 && port <= 65_535 ? port : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** Best effort: without the file the next start takes any free port, as the first one did. */
    void write(int port) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, port + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // nothing lost but the next start's port
        }
    }
}
