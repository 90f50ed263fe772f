package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.DatabaseHealth;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Ready when a connection answers within a second and no migration of this build is pending. */
public final class PostgresDatabaseHealth implements DatabaseHealth {

    private static final int TIMEOUT_SECONDS = 1;

    private final DataSource dataSource;
    private volatile boolean migrated;

    public PostgresDatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean isReachableAndMigrated() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(TIMEOUT_SECONDS)) {
                return false;
            }
        } catch (SQLException e) {
            return false;
        }
        // The schema only moves forward while we run, so once current it stays current.
        if (!migrated) {
            migrated = Migrations.flyway(dataSource).info().pending().length == 0;
        }
        return migrated;
    }
}
