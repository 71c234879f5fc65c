package org.groupchat.group;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL database that holds the groups of any number of servers, named as
 * {@code postgresql://USER@HOST:PORT/DBNAME}. The password is given apart and never appears in {@link #toString()}.
 * Every table lives in the schema {@value #SCHEMA}, which Flyway creates and migrates before the first group opens.
 */
public final class PostgresDatabase {
    static final String SCHEMA = "groupchat";
    private static final int CONNECT_TIMEOUT_S = 3;
    // A database that stops answering (a cut link, a paused server) fails the request instead of holding the group.
    private static final int SOCKET_TIMEOUT_S = 10;
    // A server that has just stopped ends its lease at once; one that died leaves it to run out.
    private static final long TAKE_WAIT_MS = 2_000;
    private static final long TAKE_RETRY_MS = 100;

    private final String user;
    private final String host;
    private final int port;
    private final String name;
    private final String password;
    private volatile boolean migrated;

    private PostgresDatabase(String user, String host, int port, String name, String password) {
        this.user = user;
        this.host = host;
        this.port = port;
        this.name = name;
        this.password = password;
    }

    /** Reads {@code postgresql://USER@HOST[:PORT]/DBNAME}; {@code password} may be null (no password). */
    public static PostgresDatabase parse(String url, String password) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw bad(url, e.getReason());
        }
        if (!"postgresql".equals(uri.getScheme())) {
            throw bad(url, "it must start with postgresql://");
        }
        if (uri.getUserInfo() == null || uri.getUserInfo().isEmpty()) {
            throw bad(url, "it names no USER");
        }
        if (uri.getUserInfo().contains(":")) {
            throw bad(
                    url,
                    "a password never goes in the URL; use GROUPCHAT_DATABASE_PASSWORD or --database-password-file");
        }
        if (uri.getHost() == null) {
            throw bad(url, "it names no HOST");
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (path.isEmpty() || path.contains("/") || uri.getQuery() != null) {
            throw bad(url, "it must end with /DBNAME");
        }
        return new PostgresDatabase(
                uri.getUserInfo(), uri.getHost(), uri.getPort() == -1 ? 5432 : uri.getPort(), path, password);
    }

    private static IllegalArgumentException bad(String url, String why) {
        return new IllegalArgumentException("the database \"" + url.replaceAll(":[^/@]*@", ":***@")
                + "\" is not postgresql://USER@HOST:PORT/DBNAME: " + why);
    }

    /**
     * Opens the group's store, creating the group's row on first use, with a turn of {@link GroupLease#DEFAULT_LEASE_MS};
     * the group is refused if another server holds its turn for longer than {@link #TAKE_WAIT_MS}.
     */
    public PostgresMessageStore open(String groupName) {
        migrate();
        long deadline = System.nanoTime() + TAKE_WAIT_MS * 1_000_000L;
        try (GroupCandidate candidate = candidate(groupName, "open", GroupLease.DEFAULT_LEASE_MS)) {
            while (true) {
                Optional<GroupLease> lease = candidate.tryTake();
                if (lease.isPresent()) {
                    return PostgresMessageStore.open(this, groupName, lease.get());
                }
                if (System.nanoTime() > deadline) {
                    throw new StorageException(
                            "the group \"" + groupName + "\" in the database " + this
                                    + " is in use by another group server",
                            null);
                }
                pause(TAKE_RETRY_MS);
            }
        }
    }

    /** A server that stands by for the group, to take its turn (a lease of {@code leaseMs}) when it is free. */
    public GroupCandidate candidate(String groupName, String holder, long leaseMs) {
        migrate();
        return new GroupCandidate(this, groupName, holder, leaseMs);
    }

    /** One attempt to become the group's active server: empty while another server holds a lease that has not run out. */
    public Optional<GroupLease> tryTake(String groupName, String holder, long leaseMs) {
        try (GroupCandidate candidate = candidate(groupName, holder, leaseMs)) {
            return candidate.tryTake();
        }
    }

    /** Opens the group's store to write under the given turn; the store ends the lease when it closes. */
    public PostgresMessageStore open(String groupName, GroupLease lease) {
        return PostgresMessageStore.open(this, groupName, lease);
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for the group's turn", e);
        }
    }

    /** Brings the schema up to this build's version, once for all the groups opened through this object. */
    public synchronized void migrate() {
        if (migrated) {
            return;
        }
        try {
            SchemaMigrations.migratePostgres(dataSource(), SCHEMA, "the database " + this);
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw unusable(e);
        }
        migrated = true;
    }

    /** After the database was restored from a dump: a new history id for every group; returns how many groups. */
    public int renewHistoryIds() {
        migrate();
        try (Connection db = connect()) {
            return HistoryId.renewPostgres(db);
        } catch (SQLException e) {
            throw unusable(e);
        }
    }

    /** Deletes a group and everything it stored, for tools that make throw-away groups (the benchmark). */
    public void dropGroup(String groupName) {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            // In slices, each well within the driver's 10 s socket timeout, even for a million messages and their
            // index.
            for (String table : new String[] {
                "message_search",
                "message",
                "member",
                "group_lease",
                "group_owner",
                "group_ban",
                "read_marker",
                "file_upload",
                "file_content",
                "file_chunk"
            }) {
                try (PreparedStatement st = db.prepareStatement(
                        "DELETE FROM " + table + " WHERE ctid = ANY(ARRAY(SELECT" + " ctid FROM " + table
                                + " WHERE group_id = (SELECT id FROM chat_group WHERE name = ?) LIMIT 50000))")) {
                    st.setString(1, groupName);
                    while (st.executeUpdate() > 0) {
                        // the next slice
                    }
                }
            }
            try (PreparedStatement st = db.prepareStatement("DELETE FROM chat_group WHERE name = ?")) {
                st.setString(1, groupName);
                st.executeUpdate();
            }
            db.commit();
        } catch (SQLException e) {
            throw unusable(e);
        }
    }

    /** A new connection with the group's tables on its search path. */
    Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    private PGSimpleDataSource dataSource() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {host});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName(name);
        source.setUser(user);
        if (password != null) {
            source.setPassword(password);
        }
        source.setCurrentSchema(SCHEMA);
        source.setConnectTimeout(CONNECT_TIMEOUT_S);
        source.setSocketTimeout(SOCKET_TIMEOUT_S);
        source.setTcpKeepAlive(true);
        source.setApplicationName("groupchat");
        return source;
    }

    /** One sentence for an operator: what failed and the database's own reason, without the password. */
    StorageException unusable(Exception e) {
        return new StorageException("cannot use the database " + this + ": " + reason(e), e);
    }

    /** The database's own words: the deepest SQLException in the chain, on one line. */
    static String reason(Throwable e) {
        Throwable said = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException) {
                said = cause;
            }
        }
        String message = said.getMessage() == null ? said.getClass().getSimpleName() : said.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    /** The URL without the password, which is never shown. */
    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + name;
    }
}
