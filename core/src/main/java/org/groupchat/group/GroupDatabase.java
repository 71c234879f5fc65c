package org.groupchat.group;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Where a group's SQLite file lives in a data folder: a readable slug of the name plus a hash that keeps names apart. */
public final class GroupDatabase {
    private GroupDatabase() {}

    /** For example "Cool Group" becomes {@code cool-group-1b6d1c9e.db}. */
    public static Path fileFor(Path dataDir, String groupName) {
        adoptLegacyFiles(dataDir, groupName, ".db", ".db-wal", ".db-shm");
        return dataDir.resolve(stemFor(groupName) + ".db");
    }

    /** The group's file name without extension, for files that belong to it, such as its key: {@code cool-group-1b6d1c9e}. */
    public static String stemFor(String groupName) {
        String slug =
                groupName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40);
        }
        return stem(slug, groupName.toLowerCase(Locale.ROOT));
    }

    /**
     * Renames a group's files named by the hash of the exact spelling (before names compared without case) to
     * their case-blind names, so the group keeps its history and keys whichever case the operator types next.
     */
    public static void adoptLegacyFiles(Path dir, String groupName, String... suffixes) {
        String current = stemFor(groupName);
        String legacy = stem(current.substring(0, current.lastIndexOf('-')), groupName);
        if (legacy.equals(current)) {
            return;
        }
        for (String suffix : suffixes) {
            Path old = dir.resolve(legacy + suffix);
            Path now = dir.resolve(current + suffix);
            try {
                if (Files.exists(old) && !Files.exists(now)) {
                    Files.move(old, now, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                throw new StorageException("cannot rename " + old + " to " + now + ": " + e.getMessage(), e);
            }
        }
    }

    private static String stem(String slug, String hashedName) {
        return (slug.isEmpty() ? "group" : slug) + "-" + shortHash(hashedName);
    }

    /** Opens (creating if needed) the group's store in the data folder. */
    public static SqliteMessageStore open(Path dataDir, String groupName, Durability durability) {
        return SqliteMessageStore.open(fileFor(dataDir, groupName), durability);
    }

    private static String shortHash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
