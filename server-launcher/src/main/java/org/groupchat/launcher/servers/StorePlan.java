package org.groupchat.launcher.servers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.groupchat.group.Durability;
import org.groupchat.group.GroupDatabase;
import org.groupchat.group.MessageStore;
import org.groupchat.group.PostgresDatabase;
import org.groupchat.group.SqliteMessageStore;
import org.groupchat.launcher.DatabaseOption;
import org.groupchat.launcher.UsageProblem;

/**
 * Where this launcher's groups keep their messages: a SQLite file each in the data folder (the default), or one
 * PostgreSQL database for all of them ({@code --database}). The password never comes from the command line.
 */
record StorePlan(Path dataDir, Durability durability, PostgresDatabase database) {
    static final String PASSWORD_VARIABLE = DatabaseOption.PASSWORD_VARIABLE;

    /** {@code url} null means SQLite; the password is read from {@code passwordFile}, else from the environment. */
    static StorePlan of(Path dataDir, Durability durability, String url, Path passwordFile) {
        if (url == null) {
            if (passwordFile != null) {
                throw new UsageProblem("--database-password-file needs --database");
            }
            return new StorePlan(dataDir, durability, null);
        }
        return new StorePlan(dataDir, durability, DatabaseOption.parse(url, passwordFile));
    }

    boolean usesFiles() {
        return database == null;
    }

    /** Checks the database once before any group binds: unreachable, refused or too new is one line at start. */
    void prepare() {
        if (database != null) {
            database.migrate();
        }
    }

    MessageStore open(String groupName) {
        return database != null
                ? database.open(groupName)
                : SqliteMessageStore.open(GroupDatabase.fileFor(dataDir, groupName), durability);
    }

    /** The files opening the group's store would create (none for PostgreSQL), to remove if the start fails. */
    List<Path> filesToBeCreated(String groupName) {
        if (database != null) {
            return List.of();
        }
        Path file = GroupDatabase.fileFor(dataDir, groupName);
        return Files.exists(file)
                ? List.of()
                : List.of(file, Path.of(file + "-wal"), Path.of(file + "-shm"), Path.of(file + ".lock"));
    }

    /** Where a group's messages are, for the start-up lines. */
    String where(String groupName) {
        return database != null
                ? database.toString()
                : GroupDatabase.fileFor(dataDir, groupName).toString();
    }
}
