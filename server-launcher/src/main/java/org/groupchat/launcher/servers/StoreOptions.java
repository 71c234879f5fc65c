package org.groupchat.launcher.servers;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.groupchat.group.Durability;
import org.groupchat.launcher.UsageProblem;
import picocli.CommandLine.Option;

/** Where the groups keep their messages: SQLite files in a data folder, or one PostgreSQL database. */
final class StoreOptions {
    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "data",
            description = "Where group databases live (default: ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(
            names = "--database",
            paramLabel = "postgresql://USER@HOST:PORT/DBNAME",
            description =
                    "Keep every group's messages in this PostgreSQL database instead of SQLite files. The password"
                            + " comes from the environment variable " + StorePlan.PASSWORD_VARIABLE
                            + " or --database-password-file,"
                            + " never from the command line.")
    String database;

    @Option(
            names = "--database-password-file",
            paramLabel = "FILE",
            description = "Read the database password from the first line of FILE.")
    Path databasePasswordFile;

    @Option(
            names = "--durability",
            paramLabel = "LEVEL",
            defaultValue = "process-crash",
            description = "process-crash (default: an ack survives kill -9) or power-loss (fsync before every ack).")
    String durability;

    StorePlan plan(UnaryOperator<String> names) {
        return StorePlan.of(dataDir, durability(names.apply("--durability")), database, databasePasswordFile);
    }

    private Durability durability(String setting) {
        return switch (durability.toLowerCase(Locale.ROOT)) {
            case "process-crash" -> Durability.PROCESS_CRASH;
            case "power-loss" -> Durability.POWER_LOSS;
            default ->
                throw new UsageProblem(setting + " must be process-crash or power-loss, got \"" + durability + "\"");
        };
    }

    static void checkWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            throw new UsageProblem("data folder " + dir.toAbsolutePath() + " cannot be written: " + describe(e));
        }
    }

    private static String describe(Exception e) {
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
