package io.flowgate.adapter.out.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A fresh, migrated PostgreSQL database for one test class. The server is resolved once per test
 * JVM: {@code FLOWGATE_TEST_DB_URL} (with {@code _USER}/{@code _PASSWORD}) when set, else a
 * Testcontainers PostgreSQL when Docker is available, else an embedded PostgreSQL.
 */
public final class TestDatabase implements AutoCloseable {

    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?");

    private final String name;
    private final String url;
    private final HikariDataSource dataSource;

    private TestDatabase(String name, String url, HikariDataSource dataSource) {
        this.name = name;
        this.url = url;
        this.dataSource = dataSource;
    }

    /** Creates a new database on the test server and migrates it to this build's schema. */
    public static TestDatabase create() {
        Server server = Server.INSTANCE;
        String name = "flowgate_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        server.execute("create database " + name);
        String url = server.urlOf(name);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(server.user);
        config.setPassword(server.password);
        config.setMaximumPoolSize(8);
        config.setAutoCommit(false);
        config.setPoolName(name);
        HikariDataSource dataSource = new HikariDataSource(config);
        Migrations.migrate(dataSource);
        return new TestDatabase(name, url, dataSource);
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public String url() {
        return url;
    }

    public String user() {
        return Server.INSTANCE.user;
    }

    public String password() {
        return Server.INSTANCE.password;
    }

    /** Empties every table the application writes; the scope catalog and Flyway's history stay. */
    public void truncateAll() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    truncate orgs, admin_tokens, apps, app_keys, scope_grants, flows, flow_allowed_apps,
                             flow_versions, flow_aliases, executions, signing_keys, assertion_replays,
                             revoked_tokens, system_log cascade""");
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty test database " + name, e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
        Server.INSTANCE.execute("drop database if exists " + name + " with (force)");
    }

    /** The PostgreSQL server every test database of this JVM lives on. */
    private static final class Server {

        static final Server INSTANCE = resolve();

        final String adminUrl;
        final String user;
        final String password;

        private Server(String adminUrl, String user, String password) {
            this.adminUrl = adminUrl;
            this.user = user;
            this.password = password;
        }

        private static Server resolve() {
            String url = System.getenv("FLOWGATE_TEST_DB_URL");
            if (url != null && !url.isBlank()) {
                return new Server(url, envOr("FLOWGATE_TEST_DB_USER", "postgres"),
                        envOr("FLOWGATE_TEST_DB_PASSWORD", ""));
            }
            if (DockerClientFactory.instance().isDockerAvailable()) {
                PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
                container.start();
                Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
                return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
            }
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; the temporary cluster goes with it
                    }
                }));
                return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
            } catch (IOException e) {
                throw new UncheckedIOException("could not start an embedded PostgreSQL for the tests", e);
            }
        }

        private static String envOr(String name, String fallback) {
            String value = System.getenv(name);
            return value == null ? fallback : value;
        }

        String urlOf(String database) {
            Matcher matcher = JDBC_URL.matcher(adminUrl);
            if (!matcher.matches()) {
                throw new IllegalStateException("not a jdbc:postgresql://host/db URL: " + adminUrl);
            }
            return matcher.group(1) + database + (matcher.group(3) == null ? "" : matcher.group(3));
        }

        void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute(sql.toLowerCase(Locale.ROOT));
            } catch (SQLException e) {
                throw new IllegalStateException("test database server: " + sql + " failed", e);
            }
        }
    }
}
