package org.groupchat.group;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteDataSource;

/**
 * Opening a group's SQLite file: its folder, the lock, owner-only permissions, the schema (Flyway), WAL and the
 * durability's {@code synchronous}; a file SQLite finds damaged is named as such, with what to do.
 */
final class SqliteDatabaseFile {
    private SqliteDatabaseFile() {}

    /** What the store makes of the open connection. */
    interface Store<T> {
        T open(Path file, DatabaseLock lock, Connection db) throws SQLException;
    }

    /** Opens (creating if needed) the group's database file, and hands the connection to {@code store}. */
    static <T> T open(Path file, Durability durability, Store<T> store) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StorageException("cannot create the data folder " + file.getParent() + ": " + e.getMessage(), e);
        }
        DatabaseLock lock = DatabaseLock.take(file);
        try {
            OwnerOnlyFiles.createIfAbsent(file);
        } catch (IOException e) {
            lock.close();
            throw new StorageException("cannot create the message database " + file + ": " + e.getMessage(), e);
        }
        Connection db = null;
        try {
            migrate(file);
            Properties options = new Properties();
            // We assign seq ourselves; otherwise the driver runs an extra last_insert_rowid() query after every INSERT.
            options.setProperty("jdbc.get_generated_keys", "false");
            db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), options);
            try (Statement st = db.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=" + durability.sqliteSynchronous);
                st.execute("PRAGMA busy_timeout=5000");
                st.execute("PRAGMA wal_autocheckpoint=" + WalCheckpointer.WRITER_BACKSTOP_PAGES);
                IntegrityCheck.refuseGaps(st, file);
            }
            db.setAutoCommit(true);
            return store.open(file, lock, db);
        } catch (SQLException e) {
            JdbcConnections.closeQuietly(db);
            lock.close();
            if (isDamage(e)) {
                throw damaged(file, e.getMessage(), e);
            }
            throw new StorageException("cannot open the message database " + file + ": " + e.getMessage(), e);
        } catch (StorageException e) {
            JdbcConnections.closeQuietly(db);
            lock.close();
            throw e;
        }
    }

    static boolean isDamage(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("SQLITE_CORRUPT") || message.contains("SQLITE_NOTADB") || message.contains("malformed");
    }

    static StorageException damaged(Path file, String problem, Throwable cause) {
        return new StorageException(
                "the message database " + file + " is damaged (" + problem + "); restore it from a"
                        + " backup, or move it away to start the group empty",
                cause);
    }

    /** Brings the file's schema to this build's (Flyway, on a connection of its own); a damaged file is refused. */
    private static void migrate(Path file) {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        try {
            SchemaMigrations.migrateSqlite(source, "the message database " + file);
        } catch (FlywayException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && isDamage(sql)) {
                    throw damaged(file, sql.getMessage(), e);
                }
            }
            throw new StorageException(
                    "cannot bring the message database " + file + " up to date: " + e.getMessage(), e);
        }
    }

    /** Caps the database size, as an operator's disk quota; writes past it fail as on a full disk. */
    static void limitSize(Connection db, long maxBytes) {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA page_size")) {
            rs.next();
            long pages = Math.max(1, maxBytes / rs.getLong(1));
            st.execute("PRAGMA max_page_count=" + pages);
        } catch (SQLException e) {
            throw new StorageException("could not set the database size limit: " + reason(e), e);
        }
    }

    /** A failure's message for a sentence, or its class when it has none. */
    static String reason(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
