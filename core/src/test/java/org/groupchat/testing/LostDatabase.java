package org.groupchat.testing;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The test database lost to the group servers, as when PostgreSQL goes down: their connections are ended and no new
 * one is let in until {@link #close()}. Done from another database: PostgreSQL closes only databases one is not
 * connected to.
 */
public final class LostDatabase implements AutoCloseable {
    private static final String SERVERS = "application_name = 'groupchat'";

    private final Connection admin;
    private final Statement st;
    private final String database;

    private LostDatabase(Connection admin) throws SQLException {
        this.admin = admin;
        this.st = admin.createStatement();
        this.database = TestDatabase.databaseName();
    }

    /** Ends the group servers' connections and lets none in; returns once none is left. */
    public static LostDatabase now() throws SQLException {
        LostDatabase lost = new LostDatabase(DriverManager.getConnection(
                TestDatabase.jdbcUrlOf("postgres"), TestDatabase.user(), TestDatabase.password()));
        try {
            lost.st.execute("ALTER DATABASE \"" + lost.database + "\" WITH ALLOW_CONNECTIONS false");
            lost.st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE " + SERVERS
                    + " AND datname = '" + lost.database + "'");
            await().atMost(Duration.ofSeconds(5)).until(() -> lost.serverConnections() == 0);
            return lost;
        } catch (SQLException | RuntimeException e) {
            lost.close();
            throw e;
        }
    }

    private long serverConnections() throws SQLException {
        try (ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE " + SERVERS + " AND datname = '" + database + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The database is back: connections are let in again. */
    @Override
    public void close() throws SQLException {
        try (admin;
                st) {
            st.execute("ALTER DATABASE \"" + database + "\" WITH ALLOW_CONNECTIONS true");
        }
    }
}
