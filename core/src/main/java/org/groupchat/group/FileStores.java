package org.groupchat.group;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.groupchat.group.files.FileStore;
import org.groupchat.group.files.FileTables;
import org.groupchat.group.files.SqlFileStore;

/** Opens the {@link FileStore} beside a group's {@link MessageStore}: in the same SQLite file, or the same database. */
public final class FileStores {
    private FileStores() {}

    /** The group's files, or null for a store that keeps none (a test double). */
    public static FileStore open(MessageStore store, String groupName) {
        Connection db = null;
        try {
            if (store instanceof SqliteMessageStore sqlite) {
                db = DriverManager.getConnection("jdbc:sqlite:" + sqlite.file().toAbsolutePath());
                try (Statement st = db.createStatement()) {
                    // durable against kill -9; the file event's commit (on the store's connection) syncs what came
                    // before
                    st.execute("PRAGMA synchronous=NORMAL");
                    st.execute("PRAGMA busy_timeout=5000");
                    // As for messages: chunks are checkpointed on a thread of their own, not in the group thread's
                    // commits.
                    st.execute("PRAGMA wal_autocheckpoint=" + WalCheckpointer.WRITER_BACKSTOP_PAGES);
                }
                WalCheckpointer checkpoints = WalCheckpointer.start(sqlite.file(), 0);
                long[] writes = {0};
                return new SqlFileStore(
                        db, FileTables.sqlite(), () -> checkpoints.committed(++writes[0]), checkpoints::close);
            }
            if (store instanceof PostgresMessageStore postgres) {
                PostgresDatabase database = postgres.database();
                db = database.connect();
                return new SqlFileStore(
                        db, FileTables.postgresql(PostgresSession.groupId(db, groupName)), database::connect);
            }
            return null;
        } catch (SQLException e) {
            JdbcConnections.closeQuietly(db);
            throw new StorageException("cannot open the files of group \"" + groupName + "\": " + e.getMessage(), e);
        }
    }
}
