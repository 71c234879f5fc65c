package org.groupchat.launcher.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.groupchat.launcher.UsageProblem;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.User;
import org.groupchat.security.CurveKeyPair;
import org.groupchat.security.KeyFiles;
import org.groupchat.security.PublicKeys;

/**
 * The command-line client's user: a UUID and display name kept in a small JSON file, and a CURVE key pair beside
 * it ({@code NAME.key_secret}), all created on first use. A new identity takes its id from its key; an older one
 * keeps its id for groups without security, and secure groups know every user by the id of their key.
 */
record CliIdentity(User user, CurveKeyPair keys) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path defaultFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("groupchat").resolve("cli-identity.json");
    }

    /** The user as a group with or without security knows them. */
    User userFor(boolean secureGroup) {
        return secureGroup ? new User(PublicKeys.userIdFor(keys.publicKey()), user.name()) : user;
    }

    /** Reads the identity, creating it (or renaming it when {@code name} is given) as needed. */
    static CliIdentity load(Path file, String name) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            CurveKeyPair keys = KeyFiles.loadOrCreate(dir, keyName(file));
            User user = Files.exists(file) ? JSON.readValue(file.toFile(), User.class) : null;
            String wantedName = name != null
                    ? Fields.name(name, "--name")
                    : user != null ? user.name() : Fields.name(System.getProperty("user.name", "me"), "user name");
            if (user == null || !wantedName.equals(user.name())) {
                user = new User(user == null ? PublicKeys.userIdFor(keys.publicKey()) : user.id(), wantedName);
                Files.createDirectories(dir);
                JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), user);
            }
            return new CliIdentity(user, keys);
        } catch (ProtocolException e) {
            throw new UsageProblem(e.getMessage());
        } catch (IOException e) {
            throw new UsageProblem("identity file " + file + " cannot be used: " + e.getMessage());
        }
    }

    static String keyName(Path identityFile) {
        String fileName = identityFile.getFileName().toString();
        return fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - ".json".length()) : fileName;
    }
}
