package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.DatabaseHealth;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Reachable when a connection from the given pool answers within a second. The pool must be one
 * that gives up on a connection as quickly: a probe waits for it first, and a probe that waits
 * long holds an HTTP worker while it does.
 *
 * <p>The schema is not checked here. A node migrates the database before it listens, and the schema
 * only moves forward, so a node that answers holds its build's schema. (Asking Flyway again, on the
 * first probe, made each start about 70 ms later to be ready.)
 */
public final class PostgresDatabaseHealth implements DatabaseHealth {

    private static final int TIMEOUT_SECONDS = 1;

    private final DataSource dataSource;

    public PostgresDatabaseHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }
}
