package io.flowgate.adapter.out.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Flyway owns the schema; Hibernate only validates that its mappings match it. */
public final class Migrations {

    private Migrations() {
    }

    /** Brings the database to this build's schema; returns the number of migrations applied now. */
    public static int migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .failOnMissingLocations(true)
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
