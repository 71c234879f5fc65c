package org.groupchat.group;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.groupchat.protocol.EncodedPage;
import org.groupchat.protocol.Message;
import org.groupchat.protocol.User;

/**
 * A group's {@link MessageStore} in a PostgreSQL database shared by many groups and servers. Acknowledged means
 * committed: the server's own {@code synchronous_commit} says how durable that is. When the database is lost, every
 * call fails with a {@link StorageException} (a SEND is answered INTERNAL, never acknowledged) and the store connects
 * again, at most once per {@link #RECONNECT_INTERVAL_NANOS}, until the database is back. It writes only while its
 * {@link GroupLease} is the group's newest: each append checks the epoch in its own transaction.
 */
public final class PostgresMessageStore implements MessageStore {
    static final long RECONNECT_INTERVAL_NANOS = 1_000_000_000L;

    private final PostgresDatabase database;
    private final String groupName;
    private final GroupLease lease;
    private PostgresSession session;
    private PostgresMemberTable knownMembers;
    private StorageException lastConnectFailure;
    private long lastConnectNanos;
    private long lastSeq;
    private long lastTs;
    private String historyId;
    private final GroupState state = new GroupState(new GroupState.Access() {
        @Override
        public <T> T call(String what, GroupState.SqlCall<T> call) {
            return read(what, live -> call.run(live.db, live.groupId));
        }
    });

    private PostgresMessageStore(PostgresDatabase database, String groupName, GroupLease lease) {
        this.database = database;
        this.groupName = groupName;
        this.lease = lease;
    }

    @Override
    public String historyId() {
        return historyId;
    }

    @Override
    public long firstSeq() {
        try {
            PostgresSession live = session();
            long first = RetentionSql.firstSeqPostgres(live.db, live.groupId);
            return first == 0 && lastSeq > 0 ? 1 : first;
        } catch (SQLException e) {
            throw failed("could not read the message database", e);
        }
    }

    @Override
    public int dropOlderThan(long cutoffMs, int batch) {
        try {
            PostgresSession live = session();
            return RetentionSql.dropPostgres(live.db, live.groupId, lease.epoch(), cutoffMs, batch);
        } catch (SQLException e) {
            throw failed("could not drop old messages", e);
        }
    }

    /** The store owns the lease from here on and ends it when it closes. */
    static PostgresMessageStore open(PostgresDatabase database, String groupName, GroupLease lease) {
        PostgresMessageStore store = new PostgresMessageStore(database, groupName, lease);
        try {
            store.connect();
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
        return store;
    }

    /** Completes, with the reason, when another server has taken the group over; this store can then store nothing. */
    public CompletableFuture<String> lost() {
        return lease.lost();
    }

    /** The database and group name, for a store beside this one on the same database (the group's files). */
    PostgresDatabase database() {
        return database;
    }

    /** The epoch this store writes with. */
    public long epoch() {
        return lease.epoch();
    }

    /** A live session: the current one, or a new one if the last broke and the retry interval has passed. */
    private PostgresSession session() {
        if (session != null) {
            return session;
        }
        if (lastConnectFailure != null && System.nanoTime() - lastConnectNanos < RECONNECT_INTERVAL_NANOS) {
            throw new StorageException(lastConnectFailure.getMessage(), lastConnectFailure);
        }
        return connect();
    }

    private PostgresSession connect() {
        lastConnectNanos = System.nanoTime();
        PostgresSession opened = null;
        try {
            opened = PostgresSession.open(database, groupName, lease.epoch());
            long[] counters = opened.counters();
            lastSeq = counters[0];
            lastTs = counters[1];
            historyId = HistoryId.ofPostgres(opened.db, opened.groupId);
            session = opened;
            knownMembers = opened.members;
            lastConnectFailure = null;
            return opened;
        } catch (SQLException e) {
            opened.close();
            lastConnectFailure = database.unusable(e);
            throw lastConnectFailure;
        } catch (StorageException e) {
            lastConnectFailure = e;
            throw e;
        }
    }

    /** What a read on the current session returns. */
    private interface Read<T> {
        T on(PostgresSession session) throws SQLException;
    }

    private <T> T read(Read<T> read) {
        return read("could not read the message database", read);
    }

    /** Runs {@code read} on a live session; a failure is reported as "{@code what}: ...". */
    private <T> T read(String what, Read<T> read) {
        try {
            return read.on(session());
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    /** The failure to report; if the connection is gone, the session is dropped so the next call connects again. */
    private StorageException failed(String what, SQLException e) {
        if (session != null && session.isBroken(e)) {
            session.close();
            session = null;
        }
        return new StorageException(what + ": " + PostgresDatabase.reason(e), e);
    }

    @Override
    public long lastSeq() {
        return lastSeq;
    }

    @Override
    public List<Message> append(List<NewMessage> batch) {
        PostgresSession live = session();
        long ts = Math.max(System.currentTimeMillis(), lastTs);
        try {
            List<Message> stored = live.writes.append(batch, lastSeq, ts);
            for (Message m : stored) {
                lastSeq = Math.max(lastSeq, m.seq());
            }
            lastTs = ts;
            return stored;
        } catch (SQLException e) {
            StorageException failure = failed("could not store the message", e);
            if (session != null) {
                reloadCounters(failure);
            }
            throw failure;
        }
    }

    /** Appends many new messages at once, for filling a benchmark group; {@code ts} is raised to keep ts from decreasing. */
    public void bulkAppend(List<NewMessage> batch, long requestedTs) {
        PostgresSession live = session();
        long ts = Math.max(requestedTs, lastTs);
        try {
            List<Message> stored = live.writes.append(batch, lastSeq, ts);
            lastSeq = Math.max(
                    lastSeq, stored.stream().mapToLong(Message::seq).max().orElse(lastSeq));
            lastTs = ts;
        } catch (SQLException e) {
            throw failed("could not store the messages", e);
        }
    }

    /** After a failed write on a live connection, seq and ts are read again: another server may have written. */
    private void reloadCounters(StorageException failure) {
        try {
            long[] counters = session.counters();
            lastSeq = counters[0];
            lastTs = Math.max(lastTs, counters[1]);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public Optional<Message> findById(String id) {
        return read(s -> s.queries.findById(id));
    }

    @Override
    public Page after(long afterSeq, int limit) {
        return read(s -> s.queries.after(afterSeq, limit));
    }

    @Override
    public Page since(long sinceMs, int limit) {
        return read(s -> s.queries.since(sinceMs, limit));
    }

    @Override
    public Page newest(int limit) {
        return read(s -> s.queries.newest(limit));
    }

    @Override
    public Page before(long beforeSeq, int limit) {
        return read(s -> s.queries.before(beforeSeq, limit));
    }

    @Override
    public Page search(SearchQuery query) {
        return read("could not search the message database", s -> s.search.run(query));
    }

    @Override
    public EncodedPage encoded(FetchQuery query) {
        return read(s -> s.queries.encoded(query));
    }

    @Override
    public Optional<Message> bySeq(long seq) {
        return read(s -> s.queries.bySeq(seq));
    }

    @Override
    public TargetState about(long target, String userId, String emoji) {
        return read(s -> s.queries.about(target, userId, emoji));
    }

    @Override
    public GroupState state() {
        return state;
    }

    /** From memory: answered even while the database is away. */
    @Override
    public Optional<User> member(String userId) {
        return knownMembers.find(userId);
    }

    @Override
    public List<User> members() {
        return read("could not read the members", s -> s.members.all());
    }

    @Override
    public int memberCount() {
        return knownMembers.count();
    }

    @Override
    public void putMember(User user) {
        try {
            session().members.put(user);
        } catch (SQLException e) {
            throw failed("could not store the membership", e);
        }
    }

    @Override
    public boolean removeMember(String userId) {
        return read("could not remove the membership", s -> s.members.remove(userId));
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
            session = null;
        }
        lease.close();
    }
}
