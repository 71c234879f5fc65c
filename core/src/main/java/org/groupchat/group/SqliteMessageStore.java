package org.groupchat.group;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.api.FlywayException;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;
import org.sqlite.SQLiteDataSource;

/** The embedded default {@link MessageStore}: one SQLite file per group, WAL, indexed by seq, ts and id; reads are in {@link MessageQueries}. */
public final class SqliteMessageStore implements MessageStore {
    static final String COLUMNS = "seq, id, ts, sender_id, sender_name, text, " + EventColumns.NAMES;
    private static final String INSERT = "INSERT INTO messages(" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // The UNIQUE index on id answers "already stored?" as part of the insert, instead of a SELECT before it.
    private static final String INSERT_UNLESS_STORED = INSERT + " ON CONFLICT(id) DO NOTHING";

    private final Path file;
    private final DatabaseLock lock;
    private final Connection db;
    private final MessageQueries queries;
    private final MemberTable members;
    private final GroupState state;
    private final IntegrityCheck integrityCheck;
    private final WalCheckpointer checkpointer;
    private final SqliteSearchIndex searchIndex;
    private WriteStatements writes;
    private long lastSeq;
    private long lastTs;
    private String historyId;
    private long firstSeq;

    private SqliteMessageStore(Path file, DatabaseLock lock, Connection db) throws SQLException {
        this.file = file;
        this.lock = lock;
        this.db = db;
        queries = new MessageQueries(db);
        members = new MemberTable(db);
        state = GroupState.onSqlite(db);
        writes = new WriteStatements(db, INSERT_UNLESS_STORED);
        searchIndex = new SqliteSearchIndex(db);
        reloadCounters();
        integrityCheck = IntegrityCheck.start(file);
        checkpointer = WalCheckpointer.start(file, lastSeq);
    }

    /** Opens (creating if needed) the group's database file. */
    public static SqliteMessageStore open(Path file, Durability durability) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StorageException("cannot create the data folder " + file.getParent() + ": " + e.getMessage(), e);
        }
        DatabaseLock lock = DatabaseLock.take(file);
        try {
            OwnerOnlyFiles.createIfAbsent(file);
        } catch (java.io.IOException e) {
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
            return new SqliteMessageStore(file, lock, db);
        } catch (SQLException e) {
            closeQuietly(db);
            lock.close();
            if (isDamage(e)) {
                throw damaged(file, e.getMessage(), e);
            }
            throw new StorageException("cannot open the message database " + file + ": " + e.getMessage(), e);
        } catch (StorageException e) {
            closeQuietly(db);
            lock.close();
            throw e;
        }
    }

    static boolean isDamage(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("SQLITE_CORRUPT") || message.contains("SQLITE_NOTADB") || message.contains("malformed");
    }

    static StorageException damaged(Path file, String problem, Throwable cause) {
        return new StorageException("the message database " + file + " is damaged (" + problem + "); restore it from a"
                + " backup, or move it away to start the group empty", cause);
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
            throw new StorageException("cannot bring the message database " + file + " up to date: " + e.getMessage(), e);
        }
    }

    private void reloadCounters() throws SQLException {
        try (Statement st = db.createStatement();
                // Two subqueries, so each max reads one index entry; in one SELECT, SQLite scans the whole ts index.
                ResultSet rs = st.executeQuery("SELECT (SELECT coalesce(max(seq), 0) FROM messages),"
                        + " (SELECT coalesce(max(ts), 0) FROM messages)")) {
            rs.next();
            lastSeq = rs.getLong(1);
            lastTs = rs.getLong(2);
        }
        historyId = HistoryId.ofSqlite(db);
        firstSeq = RetentionSql.firstSeqSqlite(db);
    }

    @Override
    public long firstSeq() {
        return firstSeq == 0 && lastSeq > 0 ? 1 : firstSeq;
    }

    @Override
    public int dropOlderThan(long cutoffMs, int batch) {
        try {
            int dropped = RetentionSql.dropSqlite(db, cutoffMs, batch);
            if (dropped > 0) {
                firstSeq = RetentionSql.firstSeqSqlite(db);
            }
            return dropped;
        } catch (SQLException e) {
            throw new StorageException("could not drop old messages from " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String historyId() {
        return historyId;
    }

    public Path file() {
        return file;
    }

    @Override
    public CompletableFuture<Void> integrity() {
        return integrityCheck.verdict();
    }

    @Override
    public long lastSeq() {
        return lastSeq;
    }

    @Override
    public List<Message> append(List<NewMessage> batch) {
        List<Message> stored = new ArrayList<>(batch.size());
        Map<String, Message> addedNow = new HashMap<>();
        long seq = lastSeq;
        long ts = Math.max(System.currentTimeMillis(), lastTs);
        try {
            writes.begin.executeUpdate();
            for (NewMessage m : batch) {
                Message existing = addedNow.get(m.id());
                if (existing != null) {
                    stored.add(existing);
                    continue;
                }
                Message message = m.stored(seq + 1, ts);
                bind(writes.insert, message);
                if (writes.insert.executeUpdate() == 0) {
                    stored.add(findById(m.id()).orElseThrow(() -> new StorageException("message " + m.id() + " is neither new nor stored", null)));
                    continue;
                }
                seq++;
                addedNow.put(m.id(), message);
                stored.add(message);
            }
            writes.commit.executeUpdate();
            searchIndex.appended((int) (seq - lastSeq));
            lastSeq = seq;
            lastTs = ts;
            checkpointer.committed(seq);
            return stored;
        } catch (SQLException | RuntimeException e) {
            abortWrite(e);
            throw new StorageException("could not store the message: " + reason(e), e);
        }
    }

    /** Rolls back a failed append and prepares its statements anew: after a failed write (a full disk) they stay unusable. */
    private void abortWrite(Exception cause) {
        try (Statement st = db.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
                cause.addSuppressed(e);
            }
        }
        try {
            writes.close();
            writes = new WriteStatements(db, INSERT_UNLESS_STORED);
            reloadCounters();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Appends many new messages quickly, for filling a benchmark group; {@code ts} is raised to keep ts from decreasing. */
    public void bulkAppend(List<NewMessage> batch, long requestedTs) {
        long seq = lastSeq;
        long ts = Math.max(requestedTs, lastTs);
        try (PreparedStatement insert = db.prepareStatement(INSERT)) {
            db.setAutoCommit(false);
            for (NewMessage m : batch) {
                bind(insert, m.stored(++seq, ts));
                insert.addBatch();
            }
            insert.executeBatch();
            db.commit();
            lastSeq = seq;
            lastTs = Math.max(lastTs, ts);
            checkpointer.committed(seq);
        } catch (SQLException | RuntimeException e) {
            rollbackAfter(e);
            throw new StorageException("could not store the messages: " + reason(e), e);
        } finally {
            restoreAutoCommit();
        }
        // Once auto-commit is back: inside the driver's transaction the index's BEGIN failed, leaving it all to the first search.
        searchIndex.appended(batch.size());
    }

    private static void bind(PreparedStatement st, Message m) throws SQLException {
        st.setLong(1, m.seq());
        st.setString(2, m.id());
        st.setLong(3, m.ts());
        st.setString(4, m.sender().id());
        st.setString(5, m.sender().name());
        st.setString(6, m.text());
        EventColumns.bind(st, 7, m);
    }

    @Override
    public Optional<Message> findById(String id) {
        return queries.findById(id);
    }

    @Override
    public Page after(long afterSeq, int limit) {
        return queries.after(afterSeq, limit);
    }

    @Override
    public Page since(long sinceMs, int limit) {
        return queries.since(sinceMs, limit);
    }

    @Override
    public Page newest(int limit) {
        return queries.newest(limit);
    }

    @Override
    public Page before(long beforeSeq, int limit) {
        return queries.before(beforeSeq, limit);
    }

    @Override
    public Page search(SearchQuery query) {
        searchIndex.catchUp();
        return queries.search(query);
    }

    @Override
    public EncodedPage encoded(FetchQuery query) {
        return queries.encoded(query);
    }

    @Override
    public Optional<User> member(String userId) {
        return members.find(userId);
    }

    @Override
    public List<User> members() {
        return members.all();
    }

    @Override
    public int memberCount() {
        return members.count();
    }

    @Override
    public void putMember(User user) {
        members.put(user);
    }

    @Override
    public boolean removeMember(String userId) {
        return members.remove(userId);
    }

    @Override
    public Optional<Message> bySeq(long seq) {
        return queries.bySeq(seq);
    }

    @Override
    public TargetState about(long target, String userId, String emoji) {
        return queries.about(target, userId, emoji);
    }

    @Override
    public GroupState state() {
        return state;
    }

    /** Caps the database size, as an operator's disk quota; writes past it fail as on a full disk. Call while idle. */
    public void limitSize(long maxBytes) {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("PRAGMA page_size")) {
            rs.next();
            long pages = Math.max(1, maxBytes / rs.getLong(1));
            st.execute("PRAGMA max_page_count=" + pages);
        } catch (SQLException e) {
            throw new StorageException("could not set the database size limit: " + reason(e), e);
        }
    }

    @Override
    public void close() {
        integrityCheck.close();
        checkpointer.close();
        writes.close();
        closeQuietly(db);
        lock.close();
    }

    private void rollbackAfter(Exception cause) {
        try {
            db.rollback();
            reloadCounters();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void restoreAutoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is broken; the next operation reports it
        }
    }

    static String reason(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static void closeQuietly(Connection db) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // closing a broken connection: nothing more to release
            }
        }
    }
}
