package io.flowgate.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    /**
     * Flyway's checksum of every migration released so far. A database migrated by an earlier build
     * refuses to start once a migration it ran has changed, so a change to the schema is a new
     * V&lt;n&gt; file; when one is added, its checksum is added here.
     */
    private static final Map<String, Integer> RELEASED = Map.of(
            "1", -1644000921,
            "2", -1471692634,
            "3", 1912269901);

    @Test
    void releasedMigrations_areUnchanged() throws SQLException {
        try (TestDatabase database = TestDatabase.create()) {
            assertThat(checksums(database)).isEqualTo(RELEASED);
        }
    }

    @Test
    void aDatabaseMigratedWithADifferentMigration_stopsTheStart_andIsLeftAsItWas() throws SQLException {
        try (TestDatabase database = TestDatabase.create()) {
            execute(database, "update flyway_schema_history set checksum = checksum + 1 where version = '2'");

            assertThatThrownBy(() -> Migrations.migrate(database.dataSource()))
                    .hasMessageContaining("checksum mismatch for migration version 2");

            assertThat(checksums(database)).containsEntry("2", RELEASED.get("2") + 1);
        }
    }

    @Test
    void anUpToDateDatabase_isMigratedByNothing_andIsAtTheLatestReleasedVersion() {
        try (TestDatabase database = TestDatabase.create()) {
            assertThat(Migrations.migrate(database.dataSource()))
                    .isEqualTo(new Migrations.Migrated(0, latestReleasedVersion()));
        }
    }

    @Test
    void anEmptyDatabase_isMigratedByEveryRelease_toTheLatestReleasedVersion() throws SQLException {
        try (TestDatabase database = TestDatabase.create()) {
            execute(database, "drop schema public cascade; create schema public");

            assertThat(Migrations.migrate(database.dataSource()))
                    .isEqualTo(new Migrations.Migrated(RELEASED.size(), latestReleasedVersion()));
        }
    }

    private static String latestReleasedVersion() {
        return RELEASED.keySet().stream().max(Comparator.comparingInt(Integer::parseInt)).orElseThrow();
    }

    private static Map<String, Integer> checksums(TestDatabase database) throws SQLException {
        Map<String, Integer> checksums = new LinkedHashMap<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select version, checksum from flyway_schema_history where version is not null order by installed_rank")) {
            while (rows.next()) {
                checksums.put(rows.getString(1), rows.getInt(2));
            }
            connection.rollback();
        }
        return checksums;
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
            connection.commit();
        }
    }
}
