package io.flowgate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default keeps data that must survive a crash, so it runs as a durable server would. */
class EmbeddedDatabaseTest {

    @TempDir
    Path stateDirectory;

    @Test
    void embeddedDatabase_flushesEveryCommitToDiskBeforeItReturns() throws SQLException {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(stateDirectory.resolve("pg"));
                Connection connection = DriverManager.getConnection(database.jdbcUrl());
                Statement statement = connection.createStatement()) {

            assertThat(setting(statement, "fsync")).isEqualTo("on");
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(statement, "full_page_writes")).isEqualTo("on");
        }
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
