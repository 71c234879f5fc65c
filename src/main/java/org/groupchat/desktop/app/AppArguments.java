package org.groupchat.desktop.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The command line: {@code --profile NAME} (or env GROUPCHAT_PROFILE) for a second identity,
 * {@code --config-dir DIR} (or system property groupchat.configDir) to keep everything in one folder,
 * {@code --registry tcp://host:port} to use another registry this time, {@code --registry-key KEY} (40 Z85
 * characters or a {@code .key} file) to trust that key for it, {@code --insecure-local-servers} to run the servers
 * the app starts itself without security.
 */
public record AppArguments(String profile, Path configDir, String registry, String registryKey,
        boolean insecureLocalServers) {
    public static final String USAGE = "usage: groupchat [--profile NAME] [--config-dir DIR] [--registry tcp://host:port]"
            + " [--registry-key KEY|FILE] [--insecure-local-servers]";

    public AppArguments(String profile, Path configDir, String registry) {
        this(profile, configDir, registry, null, false);
    }

    public static AppArguments parse(List<String> args, Map<String, String> env, String configDirProperty) {
        String profile = env.getOrDefault("GROUPCHAT_PROFILE", "default");
        Path configDir = configDirProperty == null || configDirProperty.isBlank() ? null : Path.of(configDirProperty);
        String registry = null;
        String registryKey = null;
        boolean insecureLocalServers = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (arg.equals("--insecure-local-servers")) {
                insecureLocalServers = true;
                continue;
            }
            switch (arg) {
                case "--profile" -> profile = required(arg, value);
                case "--config-dir" -> configDir = Path.of(required(arg, value));
                case "--registry" -> registry = required(arg, value);
                case "--registry-key" -> registryKey = required(arg, value);
                default -> throw new IllegalArgumentException("unknown option \"" + arg + "\"\n" + USAGE);
            }
            i++;
        }
        if (profile.isBlank()) {
            profile = "default";
        }
        return new AppArguments(profile, configDir, registry, registryKey, insecureLocalServers);
    }

    private static String required(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return value;
    }
}
