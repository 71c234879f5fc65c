package org.groupchat.desktop.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import org.groupchat.desktop.profile.ProfilePaths;
import org.groupchat.security.KeyFileException;
import org.groupchat.security.KeyFiles;

/**
 * The main class. It does not extend {@link Application}, so the app also starts with JavaFX on the class
 * path (plain {@code java -cp}); it checks the command line, and that no other process runs this profile, before
 * the toolkit starts.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        AppArguments parsed;
        ProfilePaths paths;
        try {
            parsed = AppArguments.parse(List.of(args), System.getenv(), System.getProperty("groupchat.configDir"));
            paths = ProfilePaths.resolve(
                    parsed.profile(),
                    parsed.configDir(),
                    System.getenv(),
                    System.getProperty("os.name", ""),
                    Path.of(System.getProperty("user.home")));
            if (parsed.registryKey() != null) {
                KeyFiles.publicKeyFrom(parsed.registryKey());
            }
        } catch (AppArguments.UsageRequested usage) {
            System.out.print(usage.getMessage());
            return;
        } catch (IllegalArgumentException | KeyFileException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Optional<SingleInstance> instance = SingleInstance.claim(paths.configDir());
            if (instance.isEmpty()) {
                System.out.println("GroupChat already runs for the profile \"" + parsed.profile()
                        + "\"; its window was brought to the front.");
                return;
            }
            DesktopApp.instance = instance.get();
        } catch (IOException e) {
            System.err.println("Cannot use the profile folder " + paths.configDir() + ": " + e.getMessage());
            System.exit(2);
        }
        Application.launch(DesktopApp.class, args);
    }
}
