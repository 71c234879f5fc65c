package org.groupchat.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.groupchat.group.PostgresDatabase;

/** {@code --database URL} with its password from {@code --database-password-file} or the environment, never the command line. */
public final class DatabaseOption {
    public static final String PASSWORD_VARIABLE = "GROUPCHAT_DATABASE_PASSWORD";

    private DatabaseOption() {}

    /** The database named by {@code url}; its password from {@code passwordFile} if given, else {@value #PASSWORD_VARIABLE}. */
    public static PostgresDatabase parse(String url, Path passwordFile) {
        String password = passwordFile != null ? readPassword(passwordFile) : System.getenv(PASSWORD_VARIABLE);
        try {
            return PostgresDatabase.parse(url, password);
        } catch (IllegalArgumentException e) {
            throw new UsageProblem("--database: " + e.getMessage());
        }
    }

    private static String readPassword(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElse("");
        } catch (NoSuchFileException e) {
            throw new UsageProblem("--database-password-file " + file + " does not exist");
        } catch (IOException e) {
            throw new UsageProblem("--database-password-file " + file + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }
}
