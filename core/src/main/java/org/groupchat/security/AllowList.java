package org.groupchat.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public keys a server accepts, read from a text file: one Z85 key per line, optionally followed by a space
 * and a label ("alice's laptop"); other lines that start with {@code #} are comments ({@code #} is also a Z85 character).
 * The file is read again when it changes (checked at most every 2 s), so keys are added without a restart.
 * Used by one server thread only.
 */
public final class AllowList {
    private static final Logger LOG = LoggerFactory.getLogger(AllowList.class);
    private static final long RECHECK_NANOS = 2_000_000_000L;

    private final Path file;
    private Set<String> keys;
    private Set<String> userIds;
    private FileTime readAt;
    private long nextCheckNanos;

    private AllowList(Path file, Set<String> keys, FileTime readAt) {
        this.file = file;
        this.keys = keys;
        this.userIds = userIdsOf(keys);
        this.readAt = readAt;
        this.nextCheckNanos = System.nanoTime() + RECHECK_NANOS;
    }

    /** @throws KeyFileException when the file cannot be read or a line is not a key (saying which line) */
    public static AllowList load(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return new AllowList(file, parse(file), modified);
        } catch (IOException e) {
            throw new KeyFileException("cannot read the allow-list " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public boolean allows(String publicKey) {
        reloadIfChanged();
        return publicKey != null && keys.contains(publicKey);
    }

    /** Whether the user whose id derives from a listed key is still listed (a removed key's user is not). */
    public boolean allowsUser(String userId) {
        reloadIfChanged();
        return userIds.contains(userId);
    }

    public int size() {
        return keys.size();
    }

    private void reloadIfChanged() {
        long now = System.nanoTime();
        if (now - nextCheckNanos < 0) {
            return;
        }
        nextCheckNanos = now + RECHECK_NANOS;
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(readAt)) {
                keys = parse(file);
                userIds = userIdsOf(keys);
                readAt = modified;
                LOG.info("allow-list {} read again: {} key(s)", file, keys.size());
            }
        } catch (IOException | KeyFileException e) {
            LOG.warn("allow-list {} not read again, keeping its {} key(s): {}", file, keys.size(), e.getMessage());
        }
    }

    private static Set<String> userIdsOf(Set<String> keys) {
        return keys.stream().map(PublicKeys::userIdFor).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> parse(Path file) throws IOException {
        Set<String> keys = new HashSet<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            String trimmed = line.trim();
            String key = trimmed.split("\\s+", 2)[0];
            if (trimmed.isEmpty() || (trimmed.startsWith("#") && !PublicKeys.isValid(key))) {
                continue;
            }
            if (!PublicKeys.isValid(key)) {
                throw new KeyFileException("line " + lineNumber + " of the allow-list " + file
                        + " is not a CURVE public key (40 Z85 characters)");
            }
            keys.add(key);
        }
        return Set.copyOf(keys);
    }
}
