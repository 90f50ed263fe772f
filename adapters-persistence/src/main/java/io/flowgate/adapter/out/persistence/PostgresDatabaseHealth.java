package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.DatabaseHealth;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Up when a connection from the given pool answers within a second and the database still holds the
 * schema version this node migrated it to at its start. The pool must be one that gives up on a
 * connection as quickly: a probe waits for it first, and a probe that waits long holds an HTTP
 * worker while it does.
 *
 * <p>A node migrates the database before it listens, but the database can change under a running
 * node: replaced by an empty one, restored from a backup older than this build, its history table
 * dropped. One read of Flyway's history table per probe sees that; asking Flyway itself would scan
 * the migrations again (about 70 ms of a start's time to ready, when the first probe did).
 */
public final class PostgresDatabaseHealth implements DatabaseHealth {

    private static final int TIMEOUT_MILLIS = 1_000;
    private static final String UNDEFINED_TABLE = "42P01";
    private static final String HOLDS_VERSION =
            "select 1 from " + Migrations.HISTORY_TABLE + " where version = ? and success";

    private final DataSource dataSource;
    private final Supplier<String> schemaVersion;

    /** @param schemaVersion the version the start migrated to; asked for on each probe, never before the first */
    public PostgresDatabaseHealth(DataSource dataSource, Supplier<String> schemaVersion) {
        this.dataSource = dataSource;
        this.schemaVersion = schemaVersion;
    }

    @Override
    public Status check() {
        try (Connection connection = dataSource.getConnection()) {
            // Bounds the answer as isValid(1) did, on a database that has gone silent as on a slow one.
            connection.setNetworkTimeout(Runnable::run, TIMEOUT_MILLIS);
            try (PreparedStatement query = connection.prepareStatement(HOLDS_VERSION)) {
                query.setString(1, schemaVersion.get());
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Status.UP : Status.NOT_MIGRATED;
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            return UNDEFINED_TABLE.equals(e.getSQLState()) ? Status.NOT_MIGRATED : Status.UNREACHABLE;
        }
    }
}
