package org.groupchat.testing;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.groupchat.group.PostgresDatabase;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL server the PostgreSQL cases run on, named by {@value #URL} (and its password by
 * {@value #PASSWORD}), as an environment variable or a system property. Without it those cases are skipped, saying
 * so; with {@value #REQUIRED} set (as {@code .ci/run} does) a missing or unreachable server fails them instead.
 */
public final class TestDatabase {
    public static final String URL = "GROUPCHAT_TEST_DATABASE";
    public static final String PASSWORD = "GROUPCHAT_TEST_DATABASE_PASSWORD";
    public static final String REQUIRED = "GROUPCHAT_TEST_REQUIRE_POSTGRESQL";

    private static volatile boolean warned;

    private TestDatabase() {}

    /** The test database, with every group emptied out of it; skips or fails the test if there is none. */
    public static PostgresDatabase fresh() {
        PostgresDatabase database = configured();
        database.migrate();
        try (Connection db = DriverManager.getConnection(jdbcUrl(), user(), password());
                Statement st = db.createStatement()) {
            st.execute("TRUNCATE groupchat.message, groupchat.message_search, groupchat.member, groupchat.group_lease,"
                    + " groupchat.chat_group, groupchat.group_owner, groupchat.group_ban, groupchat.read_marker,"
                    + " groupchat.file_upload, groupchat.file_content, groupchat.file_chunk");
        } catch (SQLException e) {
            Assertions.fail("cannot empty the test database " + url() + ": " + e.getMessage(), e);
        }
        return database;
    }

    /** The configured database, not emptied; skips or fails the test if there is none. */
    public static PostgresDatabase configured() {
        String url = url();
        if (url == null || url.isBlank()) {
            String why = "no PostgreSQL for the PostgreSQL cases: set " + URL + "=postgresql://USER@HOST:PORT/DBNAME"
                    + " (and " + PASSWORD + ") to run them";
            if (setting(REQUIRED) != null) {
                Assertions.fail(why + "; " + REQUIRED + " is set, so they must run");
            }
            if (!warned) {
                warned = true;
                System.err.println("SKIPPED: " + why);
            }
            Assumptions.abort(why);
        }
        return PostgresDatabase.parse(url, password());
    }

    public static String url() {
        return setting(URL);
    }

    public static String password() {
        return setting(PASSWORD);
    }

    /** A JDBC URL to the same database, for tests that look inside or take it away. */
    public static String jdbcUrl() {
        return jdbcUrlOf(databaseName());
    }

    /** Another database of the same server, such as {@code postgres}. */
    public static String jdbcUrlOf(String database) {
        URI uri = URI.create(url());
        return "jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() == -1 ? 5432 : uri.getPort()) + "/"
                + database;
    }

    public static String databaseName() {
        return URI.create(url()).getPath().substring(1);
    }

    public static String user() {
        return URI.create(url()).getUserInfo();
    }

    private static String setting(String name) {
        String property = System.getProperty(name);
        return property != null ? property : System.getenv(name);
    }
}
