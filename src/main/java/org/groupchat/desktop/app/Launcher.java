package org.groupchat.desktop.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import org.groupchat.desktop.profile.ProfilePaths;
import org.groupchat.security.KeyFileException;
import org.groupchat.security.KeyFiles;

/**
 * The main class. It does not extend {@link Application}, so the app also starts with JavaFX on the class
 * path (plain {@code java -cp}); it checks the command line before the toolkit starts.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        try {
            AppArguments parsed = AppArguments.parse(List.of(args), System.getenv(),
                    System.getProperty("groupchat.configDir"));
            ProfilePaths.resolve(parsed.profile(), parsed.configDir(), System.getenv(), "", Path.of("."));
            if (parsed.registryKey() != null) {
                KeyFiles.publicKeyFrom(parsed.registryKey());
            }
        } catch (IllegalArgumentException | KeyFileException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        Application.launch(DesktopApp.class, args);
    }
}
