package org.groupchat.group.files;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.groupchat.group.StorageException;

/**
 * The {@link FileStore} over one JDBC connection, for both stores: {@link FileTables} names the tables and says how a
 * group's rows are picked (SQLite: a database per group; PostgreSQL: a {@code group_id} column).
 */
public final class SqlFileStore implements FileStore {
    private final FileConnection connection;
    private final FileTables sql;
    private final Runnable afterWrite;
    private final Runnable onClose;

    /** Takes over {@code db} (autocommit on), closes it on {@link #close()}; when it breaks, {@code reconnect} opens one. */
    public SqlFileStore(Connection db, FileTables dialect, FileConnection.Opener reconnect) {
        this(new FileConnection(db, reconnect), dialect, () -> {}, () -> {});
    }

    /** {@code afterWrite} runs after each committed chunk (SQLite: wakes a background checkpoint); {@code onClose} last. */
    public SqlFileStore(Connection db, FileTables dialect, Runnable afterWrite, Runnable onClose) {
        this(new FileConnection(db, null), dialect, afterWrite, onClose);
    }

    private SqlFileStore(FileConnection connection, FileTables dialect, Runnable afterWrite, Runnable onClose) {
        this.connection = connection;
        this.sql = dialect;
        this.afterWrite = afterWrite;
        this.onClose = onClose;
    }

    @Override
    public Optional<Upload> upload(String fileId) {
        try (Reused st = prepare("SELECT file_id, uploader_id, name, size, sha256, media_type,"
                + " stored, complete, touched_ts FROM " + sql.uploads() + sql.where() + "file_id = ?")) {
            st.setString(1, fileId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Upload(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getBoolean(8),
                        rs.getLong(9)));
            }
        } catch (SQLException e) {
            throw failed("could not read upload " + fileId, e);
        }
    }

    @Override
    public void begin(Upload u) {
        try (Reused st = prepare("INSERT INTO " + sql.uploads() + "("
                + sql.groupColumns("file_id, uploader_id, name, size, sha256, media_type, stored, touched_ts")
                + ") VALUES ("
                + sql.groupValues("?, ?, ?, ?, ?, ?, 0, ?") + ")")) {
            st.setString(1, u.fileId());
            st.setString(2, u.uploaderId());
            st.setString(3, u.name());
            st.setLong(4, u.size());
            st.setString(5, u.sha256());
            st.setString(6, u.mediaType());
            st.setLong(7, u.touchedMs());
            st.executeUpdate();
        } catch (SQLException e) {
            throw failed("could not store upload " + u.fileId(), e);
        }
    }

    @Override
    public void putChunk(String fileId, int index, byte[] data, long stored, long nowMs) {
        try {
            begin();
            try (Reused insert = prepare("INSERT INTO " + sql.chunks() + "(" + sql.groupColumns("owner, idx, data")
                            + ") VALUES (" + sql.groupValues("?, ?, ?") + ")");
                    Reused update = prepare("UPDATE " + sql.uploads() + " SET stored = ?, touched_ts = ?" + sql.where()
                            + "file_id = ?")) {
                insert.setString(1, fileId);
                insert.setInt(2, index);
                insert.setBytes(3, data);
                insert.executeUpdate();
                update.setLong(1, stored);
                update.setLong(2, nowMs);
                update.setString(3, fileId);
                update.executeUpdate();
            }
            commit();
            afterWrite.run();
        } catch (SQLException e) {
            rollback(e);
            throw failed("could not store a chunk of " + fileId, e);
        } finally {
            endTransaction();
        }
    }

    @Override
    public void touch(String fileId, long nowMs) {
        try (Reused st = prepare("UPDATE " + sql.uploads() + " SET touched_ts = ?" + sql.where() + "file_id = ?")) {
            st.setLong(1, nowMs);
            st.setString(2, fileId);
            st.executeUpdate();
        } catch (SQLException e) {
            throw failed("could not mark upload " + fileId, e);
        }
    }

    @Override
    public void discard(String fileId) {
        try {
            begin();
            update("DELETE FROM " + sql.chunks() + sql.where() + "owner = ?", fileId);
            update("UPDATE " + sql.uploads() + " SET stored = 0" + sql.where() + "file_id = ?", fileId);
            commit();
        } catch (SQLException | StorageException e) {
            rollback(e);
            throw e instanceof StorageException s
                    ? s
                    : failed("could not drop the chunks of " + fileId, (SQLException) e);
        } finally {
            endTransaction();
        }
    }

    @Override
    public boolean holds(String sha256) {
        return count("SELECT count(*) FROM " + sql.content() + sql.where() + "sha256 = ?", sha256) > 0;
    }

    @Override
    public long bytesHeld() {
        return count(
                "SELECT (SELECT coalesce(sum(size), 0) FROM " + sql.content() + sql.where() + "1 = 1)"
                        + " + (SELECT coalesce(sum(size), 0) FROM " + sql.uploads() + sql.where() + "complete <> "
                        + sql.trueValue() + " AND file_id <> ?)",
                "");
    }

    @Override
    public int uploadsInProgress(String userId, long sinceMs, String exceptFileId) {
        try (Reused st = prepare("SELECT count(*) FROM " + sql.uploads() + sql.where()
                + "uploader_id = ? AND complete <> " + sql.trueValue() + " AND touched_ts >= ? AND file_id <> ?")) {
            st.setString(1, userId);
            st.setLong(2, sinceMs);
            st.setString(3, exceptFileId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw failed("could not count uploads", e);
        }
    }

    @Override
    public byte[] chunk(String owner, int index) {
        return chunkOf("owner = ?", owner, index);
    }

    @Override
    public byte[] contentChunk(String sha256, int index) {
        return chunkOf("owner = (SELECT owner FROM " + sql.content() + sql.where() + "sha256 = ?)", sha256, index);
    }

    /** Chunk {@code index} of the owner {@code ownerClause} picks by {@code key}, or null. */
    private byte[] chunkOf(String ownerClause, String key, int index) {
        try (Reused st = prepare("SELECT data FROM " + sql.chunks() + sql.where() + ownerClause + " AND idx = ?")) {
            st.setString(1, key);
            st.setInt(2, index);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw failed("could not read a chunk of " + key, e);
        }
    }

    @Override
    public int dropStale(long beforeMs) {
        String unfinished = sql.where() + "complete <> " + sql.trueValue() + " AND touched_ts < ?";
        try {
            begin();
            try (Reused chunks = prepare("DELETE FROM " + sql.chunks() + sql.where() + "owner IN (SELECT file_id FROM "
                            + sql.uploads() + unfinished + ")");
                    Reused uploads = prepare("DELETE FROM " + sql.uploads() + unfinished)) {
                chunks.setLong(1, beforeMs);
                chunks.executeUpdate();
                uploads.setLong(1, beforeMs);
                int dropped = uploads.executeUpdate();
                commit();
                return dropped;
            }
        } catch (SQLException e) {
            rollback(e);
            throw failed("could not drop stale uploads", e);
        } finally {
            endTransaction();
        }
    }

    private Reused prepare(String statement) throws SQLException {
        return connection.prepare(statement);
    }

    private int update(String statement, String value) {
        try (Reused st = prepare(statement)) {
            st.setString(1, value);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw failed("could not write the group's files", e);
        }
    }

    private long count(String query, String value) {
        try (Reused st = prepare(query)) {
            st.setString(1, value);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failed("could not read the group's files", e);
        }
    }

    /** SQLite: BEGIN and COMMIT as statements (the driver's autocommit switch runs two more per transaction). */
    private void begin() throws SQLException {
        if (sql.groupColumn() == null) {
            try (Reused st = prepare("BEGIN")) {
                st.executeUpdate();
            }
        } else {
            connection.db().setAutoCommit(false);
        }
    }

    private void commit() throws SQLException {
        if (sql.groupColumn() == null) {
            try (Reused st = prepare("COMMIT")) {
                st.executeUpdate();
            }
        } else {
            connection.db().commit();
        }
    }

    private void rollback(Exception cause) {
        Connection db = connection.current();
        try {
            if (db != null && sql.groupColumn() == null) {
                try (Statement st = db.createStatement()) {
                    st.execute("ROLLBACK");
                }
            } else if (db != null) {
                db.rollback();
            }
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                cause.addSuppressed(e);
            }
        }
    }

    private void endTransaction() {
        try {
            if (sql.groupColumn() != null && connection.current() != null) {
                connection.current().setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // a broken connection: the next call reports it
        }
    }

    private StorageException failed(String what, SQLException e) {
        connection.dropIfBroken(e);
        return new StorageException(what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        onClose.run();
        connection.close();
    }
}
