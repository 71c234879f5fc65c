package org.groupchat.group;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.groupchat.protocol.EncodedPage;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;

/** The embedded default {@link MessageStore}: one SQLite file per group, WAL, indexed by seq, ts and id; reads are in {@link MessageQueries}. */
public final class SqliteMessageStore implements MessageStore {
    static final String COLUMNS = "seq, id, ts, sender_id, sender_name, text, " + EventColumns.NAMES;
    private static final String INSERT =
            "INSERT INTO messages(" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
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
        return SqliteDatabaseFile.open(file, durability, SqliteMessageStore::new);
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
                WriteStatements.bind(writes.insert, message);
                if (writes.insert.executeUpdate() == 0) {
                    stored.add(findById(m.id())
                            .orElseThrow(() ->
                                    new StorageException("message " + m.id() + " is neither new nor stored", null)));
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
            throw new StorageException("could not store the message: " + SqliteDatabaseFile.reason(e), e);
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
                WriteStatements.bind(insert, m.stored(++seq, ts));
                insert.addBatch();
            }
            insert.executeBatch();
            db.commit();
            lastSeq = seq;
            lastTs = Math.max(lastTs, ts);
            checkpointer.committed(seq);
        } catch (SQLException | RuntimeException e) {
            rollbackAfter(e);
            throw new StorageException("could not store the messages: " + SqliteDatabaseFile.reason(e), e);
        } finally {
            restoreAutoCommit();
        }
        // Once auto-commit is back: inside the driver's transaction the index's BEGIN failed, leaving it all to the
        // first search.
        searchIndex.appended(batch.size());
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
        SqliteDatabaseFile.limitSize(db, maxBytes);
    }

    @Override
    public void close() {
        integrityCheck.close();
        checkpointer.close();
        writes.close();
        JdbcConnections.closeQuietly(db);
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
}
