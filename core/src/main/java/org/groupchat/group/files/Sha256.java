package org.groupchat.group.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as the file ops write it: 64 lower-case hex digits. */
public final class Sha256 {
    private static final int SLICE = 8 * 1024;

    private Sha256() {}

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /**
     * The SHA-256 of {@code bytes}, feeding them to {@code running} too in the same pass: slice by slice, so each slice
     * is hashed twice while it is in the CPU's cache rather than read from memory twice.
     */
    public static String hexFeeding(byte[] bytes, MessageDigest running) {
        MessageDigest own = digest();
        for (int at = 0; at < bytes.length; at += SLICE) {
            int n = Math.min(SLICE, bytes.length - at);
            own.update(bytes, at, n);
            running.update(bytes, at, n);
        }
        return hex(own);
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
