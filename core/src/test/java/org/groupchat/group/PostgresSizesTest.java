package org.groupchat.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.groupchat.metrics.LiveFigures;
import org.groupchat.metrics.Metrics;
import org.groupchat.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** The PostgreSQL size metrics, read from a real server with the test role's own (ordinary) privileges. */
class PostgresSizesTest {

    @Test
    void theDatabaseSizeAndWalPositionAreReadInTheBackgroundAndTheWalFolderOnlyWithPgMonitor() throws Exception {
        PostgresDatabase database = TestDatabase.fresh();
        Metrics.init();
        boolean monitor = roleMayReadTheWalFolder();
        try (PostgresSizes sizes = PostgresSizes.start(database, Duration.ofMillis(200))) {
            LiveFigures.Database first =
                    await().atMost(Duration.ofSeconds(10)).until(sizes::figures, figures -> figures.bytes() > 0);
            assertThat(first.walPosition()).isPositive();
            assertThat(first.walBytes() > 0).isEqualTo(monitor);

            writeSomeWal();
            await().atMost(Duration.ofSeconds(10)).until(() -> sizes.figures().walPosition() > first.walPosition());

            String name = database.toString();
            assertThat(scraped("groupchat_postgres_database_bytes", name)).isPositive();
            assertThat(scraped("groupchat_postgres_wal_position_bytes", name)).isPositive();
            assertThat(scraped("groupchat_postgres_wal_bytes", name) > 0).isEqualTo(monitor);
        }
        assertThat(scraped("groupchat_postgres_database_bytes", database.toString()))
                .as("gone after close")
                .isEqualTo(-1);
    }

    private static boolean roleMayReadTheWalFolder() throws Exception {
        try (Connection db = DriverManager.getConnection(
                        TestDatabase.jdbcUrl(), TestDatabase.user(), TestDatabase.password());
                Statement st = db.createStatement();
                ResultSet row = st.executeQuery("SELECT rolsuper OR pg_has_role(current_user, 'pg_monitor', 'MEMBER')"
                        + " FROM pg_roles WHERE rolname = current_user")) {
            row.next();
            return row.getBoolean(1);
        }
    }

    private static void writeSomeWal() throws Exception {
        try (Connection db = DriverManager.getConnection(
                        TestDatabase.jdbcUrl(), TestDatabase.user(), TestDatabase.password());
                Statement st = db.createStatement()) {
            st.execute("CREATE TABLE groupchat.wal_probe (n int)");
            st.execute("DROP TABLE groupchat.wal_probe");
        }
    }

    /** The gauge's value for the database, as a scrape of the default registry reads it; -1 when it has none. */
    private static double scraped(String metric, String databaseName) {
        for (MetricSnapshot snapshot : PrometheusRegistry.defaultRegistry.scrape()) {
            if (snapshot.getMetadata().getName().equals(metric)) {
                for (GaugeSnapshot.GaugeDataPointSnapshot point : ((GaugeSnapshot) snapshot).getDataPoints()) {
                    if (databaseName.equals(point.getLabels().get("database"))) {
                        return point.getValue();
                    }
                }
            }
        }
        return -1;
    }
}
