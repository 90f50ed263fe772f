package io.flowgate.bootstrap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The zero-setup default: a PostgreSQL server run by this process, with its data kept in a
 * directory so orgs and flows survive restarts.
 *
 * <p>The library starts PostgreSQL as a throwaway test database would run: without {@code fsync}
 * and with asynchronous commits. This one keeps an org's data, its used assertion ids and its
 * executions, which must be on disk before a token or a flow's answer leaves, so both are turned
 * back on (a later {@code -c} option overrides the library's {@code -F}).
 *
 * <p>The library would also stop PostgreSQL from a shutdown hook of its own, which runs beside the
 * node's and took the database from the requests the node was still finishing; the node stops it.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            return new EmbeddedDatabase(EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
