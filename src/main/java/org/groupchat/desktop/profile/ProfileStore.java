package org.groupchat.desktop.profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.KeyFiles;

/**
 * Reads and writes a profile's identity, settings, window bounds and hosted groups as small JSON files (Jackson,
 * {@link JsonFiles}), and keeps its CURVE key pair beside them ({@code user.key}, {@code user.key_secret} readable by
 * its owner only). A profile an earlier version kept in {@code .properties} files is read from those until its JSON
 * file is first written. Blocking disk I/O: call it from background threads (or before the UI starts).
 */
public final class ProfileStore {
    private static final String IDENTITY_FILE = "identity.json";
    private static final String SETTINGS_FILE = "settings.json";
    private static final String WINDOW_FILE = "window.json";
    private static final String HOSTED_FILE = "hosted.json";
    private static final String KEY_NAME = "user";
    private final ProfilePaths paths;
    private final LegacyProfileFiles legacy;
    private final AtomicReference<Settings> latest = new AtomicReference<>();

    public ProfileStore(ProfilePaths paths) {
        this.paths = paths;
        this.legacy = new LegacyProfileFiles(paths.configDir());
    }

    public ProfilePaths paths() {
        return paths;
    }

    /** Deletes temporary files that a write cut short by a crash left behind; the files they were for are intact. */
    public void removeUnfinishedWrites() {
        if (!Files.isDirectory(paths.configDir())) {
            return;
        }
        try (var files = Files.newDirectoryStream(paths.configDir(), "*.{json,properties}*.tmp")) {
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
        return JsonFiles.read(file(IDENTITY_FILE), IdentityFile.class)
                .or(legacy::identity)
                .filter(saved -> saved.id() != null && saved.name() != null)
                .map(saved -> new Identity(saved.id(), saved.name(), keys()));
    }

    public void saveIdentity(Identity identity) {
        JsonFiles.write(file(IDENTITY_FILE), new IdentityFile(identity.id(), identity.name()));
        legacy.retire(LegacyProfileFiles.IDENTITY);
    }

    public Settings settings() {
        return JsonFiles.read(file(SETTINGS_FILE), SettingsFile.class)
                .map(SettingsFile::settings)
                .or(legacy::settings)
                .orElseGet(() -> new Settings(Settings.DEFAULT_REGISTRY, List.of()));
    }

    /** Where the main window was when the app last quit, if it was saved. */
    public Optional<WindowBounds> window() {
        return JsonFiles.read(file(WINDOW_FILE), WindowBounds.class)
                .or(legacy::window)
                .filter(WindowBounds::usable);
    }

    public void saveWindow(WindowBounds bounds) {
        JsonFiles.write(file(WINDOW_FILE), bounds);
        legacy.retire(LegacyProfileFiles.WINDOW);
    }

    /** The groups this profile hosts, in the order they were made. */
    public synchronized List<HostedGroup> hostedGroups() {
        return JsonFiles.<List<HostedGroup>>read(file(HOSTED_FILE), JsonFiles.listOf(HostedGroup.class))
                .orElseGet(legacy::hosted)
                .stream()
                .filter(group -> group.name() != null)
                .toList();
    }

    /** Remembers that this profile hosts {@code group} (replacing an entry of the same name). */
    public synchronized void addHostedGroup(HostedGroup group) {
        List<HostedGroup> hosted = new ArrayList<>(hostedGroups());
        hosted.removeIf(known -> known.name().equalsIgnoreCase(group.name()));
        hosted.add(group);
        JsonFiles.write(file(HOSTED_FILE), hosted);
        legacy.retire(LegacyProfileFiles.HOSTED);
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
        JsonFiles.write(file(SETTINGS_FILE), SettingsFile.of(settings));
        legacy.retire(LegacyProfileFiles.SETTINGS);
    }

    private Path file(String name) {
        return paths.configDir().resolve(name);
    }
}
