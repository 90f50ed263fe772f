package io.flowgate.bootstrap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.flowgate.adapter.out.oauth.SecureRandomGenerator;
import io.flowgate.adapter.out.persistence.Migrations;
import io.flowgate.adapter.out.persistence.PersistenceUnit;
import io.flowgate.adapter.out.persistence.ReadCache;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;

/** A running Flowgate node: its database connection, its persistence unit and its HTTP server. */
public final class Flowgate implements AutoCloseable {

    /** Where a development start keeps its embedded database and its development master key. */
    static final Path STATE_DIRECTORY = Path.of(".flowgate");
    private static final long SHUTDOWN_GRACE_SECONDS = 30;
    /** Request threads use at most this many connections at once. */
    private static final int REQUEST_CONNECTIONS = 10;
    /**
     * How long a request, or the group-commit writer on behalf of the requests in its batch, waits
     * for a connection before they are answered 503 (the pool's default is 30 s). Waiting at all
     * means the database is out of reach or far behind: on two cores there are more request
     * connections than HTTP threads, so a request never waits for another's, and the writer has a
     * connection of its own.
     */
    private static final long CONNECTION_WAIT_MILLIS = 5_000;
    /** One for the change listener, which holds it, and one for the group-commit writer. */
    private static final int BACKGROUND_CONNECTIONS = 2;
    /**
     * How long a readiness probe waits for its connection. Probes once waited for the request pool,
     * which waits 30 s for a connection: with the database gone, each probe held an HTTP worker for
     * that long, and eight probes held all of them, so that liveness probes went unanswered too.
     */
    private static final long HEALTH_TIMEOUT_MILLIS = 1_000;
    /**
     * Four per core. Token and invocation answers no longer wait on their thread for the group commit
     * (ConnectionThread), so these threads mostly compute; more of them would mostly sit idle, and a
     * request handed to an idle thread costs a wake-up. On two cores, 8 against 64 measured
     * alternately: 7 – 15 % more 1-step invocations and 4 – 5 % more tokens (performance.md). What
     * still waits on its thread shares them: admin requests, refusals, early answers, and the write
     * to a client that does not read its answers, for up to Grizzly's 30 s write timeout.
     */
    private static final int HTTP_THREADS = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    private static final System.Logger LOG = System.getLogger(Flowgate.class.getName());

    private final Optional<EmbeddedDatabase> embedded;
    private final HikariDataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;
    private final HttpServer server;
    private final List<AutoCloseable> resources;
    private final Optional<String> generatedOperatorToken;
    private final ReadCache readCache;

    private Flowgate(Optional<EmbeddedDatabase> embedded, HikariDataSource dataSource,
                     EntityManagerFactory entityManagerFactory, HttpServer server, List<AutoCloseable> resources,
                     Optional<String> generatedOperatorToken, ReadCache readCache) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
        this.server = server;
        this.resources = resources;
        this.generatedOperatorToken = generatedOperatorToken;
        this.readCache = readCache;
    }

    /** Starts the database (when embedded), migrates it, and serves HTTP on the configured port. */
    public static Flowgate start(Config config) {
        return start(config, STATE_DIRECTORY);
    }

    static Flowgate start(Config config, Path stateDirectory) {
        // First, as the configuration is: a key that cannot be used stops the start before it opened anything.
        byte[] masterKey = MasterKey.resolve(config.masterKey(), stateDirectory.resolve("master.key"));
        Optional<EmbeddedDatabase> embedded = config.database().isPresent()
                ? Optional.empty()
                : Optional.of(EmbeddedDatabase.start(stateDirectory.resolve("pg")));
        try {
            return start(config, masterKey, embedded);
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedDatabase::close);
            throw e;
        }
    }

    private static Flowgate start(Config config, byte[] masterKey, Optional<EmbeddedDatabase> embedded) {
        Config.Database database = config.database()
                .orElseGet(() -> new Config.Database(embedded.orElseThrow().jdbcUrl(), Optional.empty(), Optional.empty()));
        HikariDataSource dataSource = pool(database, "flowgate", REQUEST_CONNECTIONS, CONNECTION_WAIT_MILLIS);
        HikariDataSource backgroundDataSource = pool(database, "flowgate-background", BACKGROUND_CONNECTIONS,
                CONNECTION_WAIT_MILLIS);
        HikariDataSource healthDataSource = healthPool(database);
        // The schema check and Hibernate's model are the longest part of a start and Jersey's set-up
        // needs neither, so they are built beside it; the server listens once both are done.
        CompletableFuture<Persistence> persistence = CompletableFuture.supplyAsync(() -> {
            Migrations.Migrated migrated = Migrations.migrate(dataSource);
            LOG.log(System.Logger.Level.INFO, "database schema is current at version {0} ({1} migration(s) applied now)",
                    migrated.schemaVersion(), migrated.applied());
            return new Persistence(migrated.schemaVersion(), PersistenceUnit.create(dataSource));
        }, Flowgate::startThread);

        Optional<String> generated = config.operatorToken().isPresent()
                ? Optional.empty()
                : Optional.of(new SecureRandomGenerator(new SystemClock()).newSecret());
        String operatorToken = config.operatorToken().orElseGet(generated::orElseThrow);

        Wiring.Wired wired = Wiring.restApplication(config, operatorToken, masterKey, backgroundDataSource,
                healthDataSource, () -> persistence.join().schemaVersion(),
                () -> persistence.join().entityManagerFactory());
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
                URI.create("http://0.0.0.0:" + config.port() + "/"), wired.application(), false);
        server.getListeners().forEach(listener -> {
            // API clients keep connections open; Grizzly would otherwise close each one after 256 requests.
            listener.getKeepAlive().setMaxRequestsCount(-1);
            listener.registerAddOn(new MalformedRequestAnswers()); // first: it replaces the parser the next one finds
            listener.registerAddOn(new DeclineProtocolUpgrades());
            listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                    .setPoolName("flowgate-http").setCorePoolSize(HTTP_THREADS).setMaxPoolSize(HTTP_THREADS)
                    .setDaemon(false)); // they keep the process alive once main returns
        });
        Runnable releaseAll = () -> {
            wired.resources().forEach(Flowgate::closeQuietly);
            healthDataSource.close();
            backgroundDataSource.close();
            dataSource.close();
        };
        EntityManagerFactory entityManagerFactory;
        try {
            entityManagerFactory = persistence.join().entityManagerFactory();
        } catch (CompletionException e) {
            releaseAll.run();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        try {
            server.start();
        } catch (IOException e) {
            entityManagerFactory.close();
            releaseAll.run();
            throw new UncheckedIOException("could not listen on port " + config.port(), e);
        }
        List<AutoCloseable> resources = new ArrayList<>(wired.resources());
        resources.add(backgroundDataSource);
        resources.add(healthDataSource);
        return new Flowgate(embedded, dataSource, entityManagerFactory, server, resources, generated, wired.cache());
    }

    /** What the start's persistence thread builds: the schema version it migrated to, and Hibernate's model. */
    private record Persistence(String schemaVersion, EntityManagerFactory entityManagerFactory) {
    }

    /** The persistence build's own thread: it ends with the build, and a failed start does not wait for it. */
    private static void startThread(Runnable task) {
        Thread thread = new Thread(task, "flowgate-start-persistence");
        thread.setDaemon(true);
        thread.start();
    }

    private static HikariDataSource pool(Config.Database database, String name, int size, long waitMillis) {
        HikariConfig hikari = poolConfig(database, name, size);
        hikari.setConnectionTimeout(waitMillis);
        return new HikariDataSource(hikari);
    }

    /** One connection for readiness probes, which give up on it after a second. */
    private static HikariDataSource healthPool(Config.Database database) {
        HikariConfig hikari = poolConfig(database, "flowgate-health", 1);
        hikari.setConnectionTimeout(HEALTH_TIMEOUT_MILLIS);
        hikari.setValidationTimeout(HEALTH_TIMEOUT_MILLIS);
        hikari.setInitializationFailTimeout(-1); // the first probe connects; the start need not wait for it
        return new HikariDataSource(hikari);
    }

    private static HikariConfig poolConfig(Config.Database database, String name, int size) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(name);
        hikari.setJdbcUrl(database.url());
        // What pg_stat_activity shows as the connection's application: which node pool holds it.
        hikari.addDataSourceProperty("ApplicationName", name);
        database.user().ifPresent(hikari::setUsername);
        database.password().ifPresent(hikari::setPassword);
        if (database.user().isEmpty()) {
            hikari.setUsername("postgres");
        }
        hikari.setAutoCommit(false);
        hikari.setMaximumPoolSize(size);
        return hikari;
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return server.getListeners().iterator().next().getPort();
    }

    /** What this node caches of the database; tests that change it behind the node's back empty it. */
    ReadCache readCache() {
        return readCache;
    }

    /** The operator token made at start because none was configured; shown once. */
    public Optional<String> generatedOperatorToken() {
        return generatedOperatorToken;
    }

    /** Stops accepting, lets requests in flight finish, then releases the database. */
    @Override
    public void close() {
        try {
            server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS).get(SHUTDOWN_GRACE_SECONDS + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "HTTP server did not stop within the grace period", e);
            server.shutdownNow();
        }
        resources.forEach(Flowgate::closeQuietly);
        entityManagerFactory.close();
        dataSource.close();
        embedded.ifPresent(EmbeddedDatabase::close);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "could not close " + resource, e);
        }
    }
}
