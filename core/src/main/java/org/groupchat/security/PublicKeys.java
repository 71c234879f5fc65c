package org.groupchat.security;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.zeromq.ZMQ;

/** What is derived from a CURVE public key: its short fingerprint for people and the user id it stands for. */
public final class PublicKeys {
    private static final Pattern Z85_KEY = Pattern.compile("[0-9a-zA-Z.\\-:+=^!/*?&<>()\\[\\]{}@%$#]{40}");

    private PublicKeys() {}

    public static boolean isValid(String z85) {
        return z85 != null && Z85_KEY.matcher(z85).matches();
    }

    /** @throws IllegalArgumentException naming {@code what} unless {@code z85} is a 40-character Z85 key */
    public static String requireValid(String z85, String what) {
        if (!isValid(z85)) {
            throw new IllegalArgumentException(what + " must be a CURVE key: 40 characters of Z85 text");
        }
        return z85;
    }

    public static byte[] raw(String z85) {
        return ZMQ.Curve.z85Decode(requireValid(z85, "key"));
    }

    /** The first 8 bytes of SHA-256 over the 32 raw key bytes, as four groups of hex: "3f2a-91c0-7d4e-b812". */
    public static String fingerprint(String z85) {
        String hex = HexFormat.of().formatHex(sha256(raw(z85)), 0, 8);
        return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-"
                + hex.substring(12, 16);
    }

    /**
     * The user id that belongs to a user's public key (docs/PROTOCOL.md): the first 16 bytes of SHA-256 over the
     * 32 raw key bytes, as a version 8 UUID (RFC 9562). Secure servers take a user's identity from this.
     */
    public static String userIdFor(String z85) {
        byte[] bytes = sha256(raw(z85));
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x80);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, 16);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
