package io.flowgate.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.application.port.out.DatabaseHealth.Status;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresDatabaseHealthTest {

    @Test
    void databaseAtTheVersionItWasMigratedTo_isUp() {
        try (TestDatabase database = TestDatabase.create()) {
            assertThat(healthOf(database).check()).isEqualTo(Status.UP);
        }
    }

    @Test
    void databaseMigratedFurtherByANewerBuild_isStillUp() throws SQLException {
        try (TestDatabase database = TestDatabase.create()) {
            PostgresDatabaseHealth health = healthOf(database);
            execute(database, """
                    insert into flyway_schema_history
                        (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
                    select max(installed_rank) + 1, '999', 'later', 'SQL', 'V999__later.sql', 0, 'postgres', 1, true
                    from flyway_schema_history""");

            assertThat(health.check()).isEqualTo(Status.UP);
        }
    }

    @Test
    void databaseWithoutTheMigrationItWasMigratedTo_isNotMigrated() throws SQLException {
        try (TestDatabase database = TestDatabase.create()) {
            PostgresDatabaseHealth health = healthOf(database);
            execute(database, "delete from flyway_schema_history where version = '" + migratedVersion(database) + "'");

            assertThat(health.check()).isEqualTo(Status.NOT_MIGRATED);
        }
    }

    @Test
    void databaseWhoseMigrationToThatVersionFailed_isNotMigrated() throws SQLException {
        try (TestDatabase database = TestDatabase.create()) {
            PostgresDatabaseHealth health = healthOf(database);
            execute(database, "update flyway_schema_history set success = false where version = '"
                    + migratedVersion(database) + "'");

            assertThat(health.check()).isEqualTo(Status.NOT_MIGRATED);
        }
    }

    @Test
    void emptyDatabase_isNotMigrated_untilMigratedAgain() throws SQLException {
        try (TestDatabase database = TestDatabase.create()) {
            PostgresDatabaseHealth health = healthOf(database);
            execute(database, "drop schema public cascade; create schema public");

            assertThat(health.check()).isEqualTo(Status.NOT_MIGRATED);
            Migrations.migrate(database.dataSource());
            assertThat(health.check()).isEqualTo(Status.UP);
        }
    }

    @Test
    void noDatabaseListening_isUnreachable() throws Exception {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        try (ServerSocket socket = new ServerSocket(0)) { // a port nothing listens on once it is closed
            nowhere.setServerNames(new String[] {"127.0.0.1"});
            nowhere.setPortNumbers(new int[] {socket.getLocalPort()});
        }
        nowhere.setUser("postgres");

        assertThat(new PostgresDatabaseHealth(nowhere, () -> "1").check()).isEqualTo(Status.UNREACHABLE);
    }

    /** A probe of the test database, as a node that migrated it would run it. */
    private static PostgresDatabaseHealth healthOf(TestDatabase database) {
        String version = migratedVersion(database);
        return new PostgresDatabaseHealth(database.dataSource(), () -> version);
    }

    private static String migratedVersion(TestDatabase database) {
        return Migrations.migrate(database.dataSource()).schemaVersion();
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
            connection.commit();
        }
    }
}
