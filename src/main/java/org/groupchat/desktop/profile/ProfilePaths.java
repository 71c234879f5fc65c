package org.groupchat.desktop.profile;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.groupchat.desktop.files.DownloadsFolder;

/**
 * Where one profile keeps its identity and settings (the OS's per-user config folder) and its data
 * (the per-user app-data folder), and where this computer user's bundled servers keep theirs, shared by every
 * profile ({@code sharedDataDir}: the default profile's data folder). A config-dir override puts all of them under
 * one folder, for tests and portable use. Files the user downloads go to {@code downloadsDir}.
 */
public record ProfilePaths(Path configDir, Path dataDir, Path sharedDataDir, Path downloadsDir) {
    public static final String DEFAULT_PROFILE = "default";
    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    /** Resolves the folders of {@code profile}, under {@code override} when it is not null. */
    public static ProfilePaths resolve(String profile, Path override, Map<String, String> env, String os, Path home) {
        if (!PROFILE_NAME.matcher(profile).matches()) {
            throw new IllegalArgumentException(
                    "profile name \"" + profile + "\" may only use letters, digits, '-' and '_' (1 to 32 characters)");
        }
        Path config;
        Path data;
        Path downloads;
        if (override != null) {
            config = override;
            data = override.resolve("data");
            downloads = override.resolve("Downloads");
        } else {
            downloads = DownloadsFolder.of(home, env);
            String system = os.toLowerCase(Locale.ROOT);
            if (system.contains("win")) {
                config = Path.of(
                        env.getOrDefault(
                                "APPDATA", home.resolve("AppData/Roaming").toString()),
                        "GroupChat");
                data = Path.of(
                        env.getOrDefault(
                                "LOCALAPPDATA", home.resolve("AppData/Local").toString()),
                        "GroupChat");
            } else if (system.contains("mac")) {
                config = home.resolve("Library/Application Support/GroupChat");
                data = config;
            } else {
                config = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("groupchat");
                data = xdg(env, "XDG_DATA_HOME", home.resolve(".local/share")).resolve("groupchat");
            }
        }
        if (profile.equals(DEFAULT_PROFILE)) {
            return new ProfilePaths(config, data, data, downloads);
        }
        return new ProfilePaths(
                config.resolve("profiles").resolve(profile),
                data.resolve("profiles").resolve(profile),
                data,
                downloads);
    }

    private static Path xdg(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
