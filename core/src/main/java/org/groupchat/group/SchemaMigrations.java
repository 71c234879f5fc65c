package org.groupchat.group;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Brings a store's schema to this build's version with Flyway (scripts in {@code db/migration/<kind>}), so a later
 * build can change the schema safely. A database whose schema is newer than this build knows is refused.
 */
final class SchemaMigrations {
    static final String HISTORY_TABLE = "groupchat_schema_history";

    private SchemaMigrations() {}

    /** A SQLite file made before migrations existed already holds version 1: it is adopted (baselined) as it is. */
    static void migrateSqlite(DataSource file, String description) {
        run(
                base(file, "sqlite")
                        .baselineOnMigrate(true)
                        .baselineVersion("1")
                        .baselineDescription("adopted from before migrations"),
                description);
    }

    /** PostgreSQL keeps every table in a schema of its own, so the database may hold other applications too. */
    static void migratePostgres(DataSource database, String schema, String description) {
        run(base(database, "postgresql").schemas(schema).createSchemas(true), description);
    }

    private static FluentConfiguration base(DataSource dataSource, String kind) {
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + kind)
                .table(HISTORY_TABLE);
    }

    private static void run(FluentConfiguration configuration, String description) {
        Flyway flyway = configuration.load();
        refuseNewer(flyway, description);
        flyway.migrate();
    }

    private static void refuseNewer(Flyway flyway, String description) {
        MigrationInfo[] all = flyway.info().all();
        Optional<MigrationVersion> newest = Arrays.stream(all)
                .filter(m ->
                        m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder());
        if (newest.isPresent()) {
            String known = Arrays.stream(all)
                    .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS
                            && m.getState() != MigrationState.FUTURE_FAILED
                            && m.getVersion() != null)
                    .map(MigrationInfo::getVersion)
                    .max(Comparator.naturalOrder())
                    .map(Object::toString)
                    .orElse("none");
            throw new StorageException(
                    description + " has schema version " + newest.get() + ", newer than this build"
                            + " knows (up to " + known + "); run a GroupChat that knows schema version " + newest.get()
                            + " or later",
                    null);
        }
    }
}
