package org.groupchat.desktop.profile;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.KeyFiles;

/**
 * Reads and writes a profile's identity and settings as small properties files, and keeps its CURVE key pair
 * beside them ({@code user.key}, {@code user.key_secret} readable by its owner only). Blocking disk I/O:
 * call it from background threads (or before the UI starts). Writes replace the file atomically.
 */
public final class ProfileStore {
    private static final String IDENTITY_FILE = "identity.properties";
    private static final String SETTINGS_FILE = "settings.properties";
    private static final String WINDOW_FILE = "window.properties";
    private static final String HOSTED_FILE = "hosted.properties";
    private static final String KEY_NAME = "user";
    private static final String REGISTRY_KEY = "registryKey.";
    private static final String SECURE_LOCAL_SERVERS = "localServers.secure";
    private final ProfilePaths paths;
    private final AtomicReference<Settings> latest = new AtomicReference<>();

    public ProfileStore(ProfilePaths paths) {
        this.paths = paths;
    }

    public ProfilePaths paths() {
        return paths;
    }

    /** Deletes temporary files that a write cut short by a crash left behind; the files they were for are intact. */
    public void removeUnfinishedWrites() {
        if (!Files.isDirectory(paths.configDir())) {
            return;
        }
        try (var files = Files.newDirectoryStream(paths.configDir(), "{" + IDENTITY_FILE + ","
                + SETTINGS_FILE + "," + WINDOW_FILE + "," + HOSTED_FILE + "}*.tmp")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + paths.configDir(), e);
        }
    }

    /** The profile's key pair, created on first use. */
    public CurveKeyPair keys() {
        return KeyFiles.loadOrCreate(paths.configDir(), KEY_NAME);
    }

    /** The saved identity with the profile's key pair, or empty before the user chose a name. */
    public Optional<Identity> identity() {
        Properties props = read(IDENTITY_FILE);
        String id = props.getProperty("id");
        String name = props.getProperty("name");
        return id == null || name == null ? Optional.empty() : Optional.of(new Identity(id, name, keys()));
    }

    public void saveIdentity(Identity identity) {
        Properties props = new Properties();
        props.setProperty("id", identity.id());
        props.setProperty("name", identity.name());
        write(IDENTITY_FILE, props);
    }

    public Settings settings() {
        Properties props = read(SETTINGS_FILE);
        List<JoinedGroup> joined = new ArrayList<>();
        for (int i = 0; props.containsKey("joined." + i + ".name"); i++) {
            joined.add(new JoinedGroup(props.getProperty("joined." + i + ".name"),
                    props.getProperty("joined." + i + ".endpoint"), props.getProperty("joined." + i + ".key"),
                    "true".equals(props.getProperty("joined." + i + ".muted"))));
        }
        Map<String, String> registryKeys = new HashMap<>();
        for (String name : props.stringPropertyNames()) {
            if (name.startsWith(REGISTRY_KEY)) {
                registryKeys.put(name.substring(REGISTRY_KEY.length()), props.getProperty(name));
            }
        }
        return new Settings(props.getProperty("registry", Settings.DEFAULT_REGISTRY), registryKeys, joined,
                !"false".equals(props.getProperty(SECURE_LOCAL_SERVERS)), props.getProperty("theme", "light"));
    }

    /** Where the main window was when the app last quit, if it was saved. */
    public Optional<WindowBounds> window() {
        return WindowBounds.from(read(WINDOW_FILE));
    }

    public void saveWindow(WindowBounds bounds) {
        write(WINDOW_FILE, bounds.toProperties());
    }

    /** The groups this profile hosts, in the order they were made. */
    public synchronized List<HostedGroup> hostedGroups() {
        Properties props = read(HOSTED_FILE);
        List<HostedGroup> hosted = new ArrayList<>();
        for (int i = 0; props.containsKey(i + ".name"); i++) {
            try {
                hosted.add(new HostedGroup(props.getProperty(i + ".name"),
                        Integer.parseInt(props.getProperty(i + ".port", "0"))));
            } catch (NumberFormatException e) {
                hosted.add(new HostedGroup(props.getProperty(i + ".name"), 0));
            }
        }
        return hosted;
    }

    /** Remembers that this profile hosts {@code group} (replacing an entry of the same name). */
    public synchronized void addHostedGroup(HostedGroup group) {
        List<HostedGroup> hosted = new ArrayList<>(hostedGroups());
        hosted.removeIf(known -> known.name().equalsIgnoreCase(group.name()));
        hosted.add(group);
        Properties props = new Properties();
        for (int i = 0; i < hosted.size(); i++) {
            props.setProperty(i + ".name", hosted.get(i).name());
            props.setProperty(i + ".port", Integer.toString(hosted.get(i).port()));
        }
        write(HOSTED_FILE, props);
    }

    /** Notes the settings to save next; cheap, no I/O, so the UI thread may call it in the order of its changes. */
    public void remember(Settings settings) {
        latest.set(settings);
    }

    /** Writes the most recently remembered settings; whichever flush runs last writes the newest state. */
    public synchronized void flush() {
        Settings settings = latest.get();
        if (settings != null) {
            saveSettings(settings);
        }
    }

    public synchronized void saveSettings(Settings settings) {
        Properties props = new Properties();
        props.setProperty("registry", settings.registry());
        settings.registryKeys().forEach((address, key) -> props.setProperty(REGISTRY_KEY + address, key));
        for (int i = 0; i < settings.joined().size(); i++) {
            JoinedGroup group = settings.joined().get(i);
            props.setProperty("joined." + i + ".name", group.name());
            props.setProperty("joined." + i + ".endpoint", group.endpoint());
            if (group.publicKey() != null) {
                props.setProperty("joined." + i + ".key", group.publicKey());
            }
            if (group.muted()) {
                props.setProperty("joined." + i + ".muted", "true");
            }
        }
        if (!settings.secureLocalServers()) {
            props.setProperty(SECURE_LOCAL_SERVERS, "false");
        }
        props.setProperty("theme", settings.theme());
        write(SETTINGS_FILE, props);
    }

    private Properties read(String file) {
        Properties props = new Properties();
        Path path = paths.configDir().resolve(file);
        if (Files.isRegularFile(path)) {
            try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        return props;
    }

    /** Writes to a temporary file, forces it to disk, then renames it over the old one: never a half-written file. */
    private void write(String file, Properties props) {
        Path path = paths.configDir().resolve(file);
        try {
            Files.createDirectories(path.getParent());
            Path temp = Files.createTempFile(path.getParent(), file, ".tmp");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                        Writer out = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
                    props.store(out, "GroupChat");
                    out.flush();
                    channel.force(true);
                }
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
