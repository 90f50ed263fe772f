package io.flowgate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.adapter.out.persistence.TestDatabase;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start that cannot complete says why and gives back what it opened. */
class StartFailureTest {

    @Test
    void schemaThatIsNotThisBuilds_stopsTheStartWithTheReason_andClosesItsConnections() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            execute(database, "alter table orgs drop column name");
            Config config = Config.fromEnvironment(RunningNode.environmentOn(database));

            assertThatThrownBy(() -> Flowgate.start(config))
                    .isNotInstanceOf(CompletionException.class) // what went wrong, not where
                    .rootCause().hasMessageContaining("missing column [name] in table [orgs]");
            assertThat(nodeConnectionsAfterTheirClose(database)).isZero();
        }
    }

    @Test
    void portAlreadyInUse_stopsTheStartWithThePort_andClosesItsConnections() throws Exception {
        try (TestDatabase database = TestDatabase.create(); ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("0.0.0.0", 0));
            Map<String, String> environment = new HashMap<>(RunningNode.environmentOn(database));
            environment.put("FLOWGATE_PORT", String.valueOf(taken.getLocalPort()));
            Config config = Config.fromEnvironment(environment);

            assertThatThrownBy(() -> Flowgate.start(config))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("could not listen on port " + taken.getLocalPort());
            assertThat(nodeConnectionsAfterTheirClose(database)).isZero();
        }
    }

    @Test
    void damagedDevelopmentMasterKey_stopsTheStartWithTheReason_beforeOpeningAConnection(@TempDir Path stateDirectory)
            throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            Files.write(stateDirectory.resolve("master.key"), new byte[] {1, 2, 3});
            Map<String, String> environment = new HashMap<>(RunningNode.environmentOn(database));
            environment.remove("FLOWGATE_MASTER_KEY");
            Config config = Config.fromEnvironment(environment);

            assertThatThrownBy(() -> Flowgate.start(config, stateDirectory))
                    .hasMessageContaining("master.key is damaged");
            assertThat(nodeConnectionsAfterTheirClose(database)).isZero();
        }
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
            connection.commit();
        }
    }

    /** A closed connection's server process ends just after the client lets go of it: give it a moment. */
    private static int nodeConnectionsAfterTheirClose(TestDatabase database) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int open;
        do {
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("""
                         select count(*) from pg_stat_activity
                         where datname = current_database() and application_name like 'flowgate%'""")) {
                rows.next();
                open = rows.getInt(1);
            }
            if (open > 0) {
                Thread.sleep(50);
            }
        } while (open > 0 && System.nanoTime() < deadline);
        return open;
    }
}
