package io.flowgate.adapter.out.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Flyway owns the schema; Hibernate only validates that its mappings match it. */
public final class Migrations {

    /** Flyway's default, named so that readiness reads the table Flyway writes. */
    static final String HISTORY_TABLE = "flyway_schema_history";

    /**
     * @param applied       the number of migrations applied now
     * @param schemaVersion the version the database is at now: this build's latest, or a later one
     *                      when a newer build migrated it further
     */
    public record Migrated(int applied, String schemaVersion) {
    }

    private Migrations() {
    }

    /** Brings the database to this build's schema. */
    public static Migrated migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true)
                .load()
                .migrate();
        // Flyway names a target only when it applied something; else the database was there already.
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return new Migrated(result.migrationsExecuted, version);
    }
}
