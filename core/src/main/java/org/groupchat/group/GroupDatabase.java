package org.groupchat.group;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Where a group's SQLite file lives in a data folder: a readable slug of the name plus a hash that keeps names apart. */
public final class GroupDatabase {
    private GroupDatabase() {}

    /** For example "Cool Group" becomes {@code cool-group-1b6d1c9e.db}. */
    public static Path fileFor(Path dataDir, String groupName) {
        return dataDir.resolve(stemFor(groupName) + ".db");
    }

    /** The group's file name without extension, for files that belong to it, such as its key: {@code cool-group-1b6d1c9e}. */
    public static String stemFor(String groupName) {
        String slug = groupName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 40) {
            slug = slug.substring(0, 40);
        }
        return (slug.isEmpty() ? "group" : slug) + "-" + shortHash(groupName);
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
