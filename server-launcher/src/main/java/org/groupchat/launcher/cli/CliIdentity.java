package org.groupchat.launcher.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.groupchat.launcher.UsageProblem;
import org.groupchat.protocol.Fields;
import org.groupchat.protocol.ProtocolException;
import org.groupchat.protocol.User;

/** The command-line client's user: a UUID and display name kept in a small JSON file, created on first use. */
final class CliIdentity {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CliIdentity() {}

    static Path defaultFile() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("groupchat").resolve("cli-identity.json");
    }

    /** Reads the identity, creating it (or renaming it when {@code name} is given) as needed. */
    static User load(Path file, String name) {
        try {
            User user = Files.exists(file) ? JSON.readValue(file.toFile(), User.class) : null;
            String wantedName = name != null ? Fields.name(name, "--name")
                    : user != null ? user.name() : Fields.name(System.getProperty("user.name", "me"), "user name");
            if (user == null || !wantedName.equals(user.name())) {
                user = new User(user == null ? UUID.randomUUID().toString() : user.id(), wantedName);
                Files.createDirectories(file.toAbsolutePath().getParent());
                JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), user);
            }
            return user;
        } catch (ProtocolException e) {
            throw new UsageProblem(e.getMessage());
        } catch (IOException e) {
            throw new UsageProblem("identity file " + file + " cannot be used: " + e.getMessage());
        }
    }
}
