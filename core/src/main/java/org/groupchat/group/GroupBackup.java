package org.groupchat.group;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Online backup and restore of a group's SQLite file. A backup is {@code VACUUM INTO}: one read transaction, so the
 * copy is consistent while the group keeps serving (WAL lets it write meanwhile). A restore needs the group stopped
 * (its lock free) and gives the copy a new history id, so clients that saw later seqs know to resync.
 */
public final class GroupBackup {
    private GroupBackup() {}

    /** Copies the database {@code file} to {@code target} (which must not exist), readable by its owner only. */
    public static void backup(Path file, Path target) {
        try {
            OwnerOnlyFiles.createIfAbsent(target);
            Files.delete(target);
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:file:" + file.toAbsolutePath() + "?mode=ro");
                    PreparedStatement st = db.prepareStatement("VACUUM INTO ?")) {
                st.setString(1, target.toAbsolutePath().toString());
                st.execute();
            }
            ownerOnly(target);
        } catch (IOException | SQLException e) {
            throw new StorageException("cannot back up " + file + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the group's database {@code file} by the backup {@code copy}; returns the new history id. */
    public static String restore(Path copy, Path file) {
        try (DatabaseLock lock = DatabaseLock.take(file)) {
            Path staging = file.resolveSibling(file.getFileName() + ".restoring");
            Files.copy(copy, staging, StandardCopyOption.REPLACE_EXISTING);
            ownerOnly(staging);
            String historyId;
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + staging.toAbsolutePath());
                    Statement st = db.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
                historyId = HistoryId.renewSqlite(db);
            }
            Files.deleteIfExists(Path.of(file + "-wal"));
            Files.deleteIfExists(Path.of(file + "-shm"));
            Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return historyId;
        } catch (IOException | SQLException e) {
            throw new StorageException("cannot restore " + file + " from " + copy + ": " + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
