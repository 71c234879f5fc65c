package org.groupchat.group.files;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.groupchat.group.StorageException;

/**
 * The {@link FileStore} over one JDBC connection, for both stores: {@link Dialect} names the tables and says how a
 * group's rows are picked (SQLite: a database per group; PostgreSQL: a {@code group_id} column).
 */
public final class SqlFileStore implements FileStore {
    private final Connection db;
    private final Dialect sql;

    /** The table names and the group's key of a store. */
    public record Dialect(String uploads, String chunks, String content, String groupColumn, Long groupId,
            String trueValue) {
        public static Dialect sqlite() {
            return new Dialect("file_uploads", "file_chunks", "file_content", null, null, "1");
        }

        public static Dialect postgresql(long groupId) {
            return new Dialect("file_upload", "file_chunk", "file_content", "group_id", groupId, "true");
        }

        String where() {
            return groupColumn == null ? " WHERE " : " WHERE " + groupColumn + " = " + groupId + " AND ";
        }

        String groupValues(String values) {
            return groupColumn == null ? values : groupId + ", " + values;
        }

        String groupColumns(String columns) {
            return groupColumn == null ? columns : groupColumn + ", " + columns;
        }
    }

    /** Takes over {@code db} (autocommit on) and closes it on {@link #close()}. */
    public SqlFileStore(Connection db, Dialect dialect) {
        this.db = db;
        this.sql = dialect;
    }

    @Override
    public Optional<Upload> upload(String fileId) {
        try (PreparedStatement st = db.prepareStatement("SELECT file_id, uploader_id, name, size, sha256, media_type,"
                + " stored, complete, touched_ts FROM " + sql.uploads() + sql.where() + "file_id = ?")) {
            st.setString(1, fileId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Upload(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getBoolean(8), rs.getLong(9)));
            }
        } catch (SQLException e) {
            throw failed("could not read upload " + fileId, e);
        }
    }

    @Override
    public void begin(Upload u) {
        try (PreparedStatement st = db.prepareStatement("INSERT INTO " + sql.uploads() + "(" + sql.groupColumns(
                "file_id, uploader_id, name, size, sha256, media_type, stored, touched_ts") + ") VALUES ("
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
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO " + sql.chunks() + "("
                    + sql.groupColumns("owner, idx, data") + ") VALUES (" + sql.groupValues("?, ?, ?") + ")");
                    PreparedStatement update = db.prepareStatement("UPDATE " + sql.uploads()
                            + " SET stored = ?, touched_ts = ?" + sql.where() + "file_id = ?")) {
                insert.setString(1, fileId);
                insert.setInt(2, index);
                insert.setBytes(3, data);
                insert.executeUpdate();
                update.setLong(1, stored);
                update.setLong(2, nowMs);
                update.setString(3, fileId);
                update.executeUpdate();
            }
            db.commit();
        } catch (SQLException e) {
            rollback(e);
            throw failed("could not store a chunk of " + fileId, e);
        } finally {
            autoCommit();
        }
    }

    @Override
    public void touch(String fileId, long nowMs) {
        update("UPDATE " + sql.uploads() + " SET touched_ts = " + nowMs + sql.where() + "file_id = ?", fileId);
    }

    @Override
    public void discard(String fileId) {
        try {
            db.setAutoCommit(false);
            update("DELETE FROM " + sql.chunks() + sql.where() + "owner = ?", fileId);
            update("UPDATE " + sql.uploads() + " SET stored = 0" + sql.where() + "file_id = ?", fileId);
            db.commit();
        } catch (SQLException | StorageException e) {
            rollback(e);
            throw e instanceof StorageException s ? s : failed("could not drop the chunks of " + fileId, (SQLException) e);
        } finally {
            autoCommit();
        }
    }

    @Override
    public boolean holds(String sha256) {
        return count("SELECT count(*) FROM " + sql.content() + sql.where() + "sha256 = ?", sha256) > 0;
    }

    @Override
    public long bytesHeld() {
        return count("SELECT (SELECT coalesce(sum(size), 0) FROM " + sql.content() + sql.where() + "1 = 1)"
                + " + (SELECT coalesce(sum(size), 0) FROM " + sql.uploads() + sql.where() + "complete <> "
                + sql.trueValue() + " AND file_id <> ?)", "");
    }

    @Override
    public int uploadsInProgress(String userId, long sinceMs, String exceptFileId) {
        try (PreparedStatement st = db.prepareStatement("SELECT count(*) FROM " + sql.uploads() + sql.where()
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
        try (PreparedStatement st = db.prepareStatement("SELECT data FROM " + sql.chunks() + sql.where()
                + "owner = ? AND idx = ?")) {
            st.setString(1, owner);
            st.setInt(2, index);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw failed("could not read a chunk of " + owner, e);
        }
    }

    @Override
    public int dropStale(long beforeMs) {
        try {
            db.setAutoCommit(false);
            String stale = "SELECT file_id FROM " + sql.uploads() + sql.where() + "complete <> " + sql.trueValue()
                    + " AND touched_ts < " + beforeMs;
            update("DELETE FROM " + sql.chunks() + sql.where() + "owner IN (" + stale + ") AND '' = ?", "");
            int dropped = update("DELETE FROM " + sql.uploads() + sql.where() + "complete <> " + sql.trueValue()
                    + " AND touched_ts < " + beforeMs + " AND '' = ?", "");
            db.commit();
            return dropped;
        } catch (SQLException | StorageException e) {
            rollback(e);
            throw e instanceof StorageException s ? s : failed("could not drop stale uploads", (SQLException) e);
        } finally {
            autoCommit();
        }
    }

    private int update(String statement, String value) {
        try (PreparedStatement st = db.prepareStatement(statement)) {
            st.setString(1, value);
            return st.executeUpdate();
        } catch (SQLException e) {
            throw failed("could not write the group's files", e);
        }
    }

    private long count(String query, String value) {
        try (PreparedStatement st = db.prepareStatement(query)) {
            st.setString(1, value);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failed("could not read the group's files", e);
        }
    }

    private void rollback(Exception cause) {
        try {
            db.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection: the next call reports it
        }
    }

    private static StorageException failed(String what, SQLException e) {
        return new StorageException(what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing a broken connection: nothing more to release
        }
    }
}
