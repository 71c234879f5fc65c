package org.groupchat.desktop.profile;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code .properties} files profiles were kept in before {@code .json}: read once, when there is no JSON file yet,
 * so a profile made by an earlier version keeps its identity, settings, window and hosted groups.
 */
final class LegacyProfileFiles {
    static final String IDENTITY = "identity.properties";
    static final String SETTINGS = "settings.properties";
    static final String WINDOW = "window.properties";
    static final String HOSTED = "hosted.properties";
    private static final String REGISTRY_KEY = "registryKey.";

    private final Path dir;

    LegacyProfileFiles(Path dir) {
        this.dir = dir;
    }

    Optional<IdentityFile> identity() {
        Properties props = read(IDENTITY);
        String id = props.getProperty("id");
        String name = props.getProperty("name");
        return id == null || name == null ? Optional.empty() : Optional.of(new IdentityFile(id, name));
    }

    Optional<Settings> settings() {
        Properties props = read(SETTINGS);
        if (props.isEmpty()) {
            return Optional.empty();
        }
        List<JoinedGroup> joined = new ArrayList<>();
        for (int i = 0; props.containsKey("joined." + i + ".name"); i++) {
            joined.add(new JoinedGroup(
                    props.getProperty("joined." + i + ".name"),
                    props.getProperty("joined." + i + ".endpoint"),
                    props.getProperty("joined." + i + ".key"),
                    "true".equals(props.getProperty("joined." + i + ".muted"))));
        }
        Map<String, String> registryKeys = new HashMap<>();
        for (String name : props.stringPropertyNames()) {
            if (name.startsWith(REGISTRY_KEY)) {
                registryKeys.put(name.substring(REGISTRY_KEY.length()), props.getProperty(name));
            }
        }
        return Optional.of(new Settings(
                props.getProperty("registry", Settings.DEFAULT_REGISTRY),
                registryKeys,
                joined,
                !"false".equals(props.getProperty("localServers.secure")),
                props.getProperty("theme", "light")));
    }

    Optional<WindowBounds> window() {
        Properties props = read(WINDOW);
        try {
            return Optional.of(new WindowBounds(
                    number(props, "x"),
                    number(props, "y"),
                    number(props, "width"),
                    number(props, "height"),
                    Boolean.parseBoolean(props.getProperty("maximized")),
                    number(props, "groupsWidth")));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    List<HostedGroup> hosted() {
        Properties props = read(HOSTED);
        List<HostedGroup> hosted = new ArrayList<>();
        for (int i = 0; props.containsKey(i + ".name"); i++) {
            int port;
            try {
                port = Integer.parseInt(props.getProperty(i + ".port", "0"));
            } catch (NumberFormatException e) {
                port = 0;
            }
            hosted.add(new HostedGroup(props.getProperty(i + ".name"), port));
        }
        return hosted;
    }

    /** Once its JSON successor is written, the old file goes, so the two never disagree. */
    void retire(String file) {
        try {
            Files.deleteIfExists(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir.resolve(file), e);
        }
    }

    private static double number(Properties props, String key) {
        double value = Double.parseDouble(props.getProperty(key));
        if (!Double.isFinite(value)) {
            throw new NumberFormatException(key);
        }
        return value;
    }

    private Properties read(String file) {
        Properties props = new Properties();
        Path path = dir.resolve(file);
        if (Files.isRegularFile(path)) {
            try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                return new Properties();
            }
        }
        return props;
    }
}
