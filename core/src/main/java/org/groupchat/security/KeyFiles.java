package org.groupchat.security;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.zeromq.ZCert;
import org.zeromq.ZConfig;

/**
 * Key pairs on disk in ZeroMQ's certificate format (as czmq's zcert writes it): {@code NAME.key} holds the public
 * key and may be shared; {@code NAME.key_secret} holds both and is created readable by its owner only.
 */
public final class KeyFiles {
    public static final String PUBLIC_SUFFIX = ".key";
    public static final String SECRET_SUFFIX = ".key_secret";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private KeyFiles() {}

    /** The secret file of a key named {@code name} in {@code dir}. */
    public static Path secretFile(Path dir, String name) {
        return dir.resolve(name + SECRET_SUFFIX);
    }

    public static Path publicFile(Path dir, String name) {
        return dir.resolve(name + PUBLIC_SUFFIX);
    }

    /**
     * Loads the key pair named {@code name} from {@code dir}, or generates and saves one on first use.
     *
     * @throws KeyFileException when the file cannot be read or written, is damaged, or others may read it
     */
    public static CurveKeyPair loadOrCreate(Path dir, String name) {
        Path secret = secretFile(dir, name);
        if (Files.exists(secret)) {
            return load(secret);
        }
        CurveKeyPair keys = CurveKeyPair.generate();
        try {
            save(dir, name, keys);
            return keys;
        } catch (FileAlreadyExistsException e) {
            return load(secret);
        } catch (IOException e) {
            throw new KeyFileException("cannot write the key file " + secret + ": " + e.getMessage(), e);
        }
    }

    /** Reads a secret key file; refuses one that other users could read. */
    public static CurveKeyPair load(Path secretFile) {
        requireOwnerOnly(secretFile);
        try {
            ZConfig config = ZConfig.load(secretFile.toString());
            String publicKey = config.getValue("curve/public-key");
            String secretKey = config.getValue("curve/secret-key");
            if (!PublicKeys.isValid(publicKey) || !PublicKeys.isValid(secretKey)) {
                throw new KeyFileException("the key file " + secretFile + " is damaged: it must hold a public-key and a"
                        + " secret-key of 40 Z85 characters each; move it away to generate a new key pair");
            }
            return new CurveKeyPair(publicKey, secretKey);
        } catch (IOException | RuntimeException e) {
            if (e instanceof KeyFileException k) {
                throw k;
            }
            throw new KeyFileException("cannot read the key file " + secretFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * A public key given as its 40 Z85 characters or as the path of a {@code .key} file.
     *
     * @throws KeyFileException when it is neither
     */
    public static String publicKeyFrom(String keyOrFile) {
        String trimmed = keyOrFile.trim();
        Path file = Path.of(trimmed);
        // A file wins: a path can be 40 characters of the Z85 alphabet ("/", "-", "." are in it).
        if (!Files.isRegularFile(file)) {
            if (PublicKeys.isValid(trimmed)) {
                return trimmed;
            }
            throw new KeyFileException(
                    "\"" + keyOrFile + "\" is neither a CURVE public key (40 Z85 characters) nor a key file");
        }
        try {
            String key = ZConfig.load(file.toString()).getValue("curve/public-key");
            if (!PublicKeys.isValid(key)) {
                throw new KeyFileException("the key file " + file + " holds no valid public-key");
            }
            return key;
        } catch (IOException e) {
            throw new KeyFileException("cannot read the key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void save(Path dir, String name, CurveKeyPair keys) throws IOException {
        Files.createDirectories(dir);
        ZCert cert = new ZCert(keys.publicKey(), keys.secretKey());
        StringWriter secretText = new StringWriter();
        cert.saveSecret(secretText);
        Path secret = secretFile(dir, name);
        if (supportsPosix(dir)) {
            Files.createFile(secret, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(secret);
        }
        Files.writeString(secret, secretText.toString(), StandardCharsets.UTF_8);
        StringWriter publicText = new StringWriter();
        cert.savePublic(publicText);
        Files.writeString(publicFile(dir, name), publicText.toString(), StandardCharsets.UTF_8);
    }

    private static void requireOwnerOnly(Path secretFile) {
        if (!supportsPosix(secretFile)) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(secretFile);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new KeyFileException("the secret key file " + secretFile + " can be read by other users ("
                        + PosixFilePermissions.toString(permissions) + "); run: chmod 600 " + secretFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean supportsPosix(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null
                && existing.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
