package org.groupchat.desktop.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user's Downloads folder: {@code XDG_DOWNLOAD_DIR} on Linux (from the environment or
 * {@code ~/.config/user-dirs.dirs}, so a translated "Téléchargements" is found), else {@code ~/Downloads}.
 */
public final class DownloadsFolder {
    private static final Pattern XDG_LINE = Pattern.compile("^XDG_DOWNLOAD_DIR=\"(.*)\"\\s*$");

    private DownloadsFolder() {}

    public static Path of(Path home, Map<String, String> env) {
        String variable = env.get("XDG_DOWNLOAD_DIR");
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable);
        }
        Path config = Path.of(
                env.getOrDefault("XDG_CONFIG_HOME", home.resolve(".config").toString()));
        Path userDirs = config.resolve("user-dirs.dirs");
        if (Files.isReadable(userDirs)) {
            try {
                List<String> lines = Files.readAllLines(userDirs, StandardCharsets.UTF_8);
                for (String line : lines) {
                    Matcher m = XDG_LINE.matcher(line);
                    if (m.matches()) {
                        String value = m.group(1).replace("$HOME", home.toString());
                        // user-dirs.dirs names the home folder itself when no Downloads folder is wanted
                        return Path.of(value).equals(home) ? home.resolve("Downloads") : Path.of(value);
                    }
                }
            } catch (IOException | RuntimeException e) {
                return home.resolve("Downloads");
            }
        }
        return home.resolve("Downloads");
    }
}
