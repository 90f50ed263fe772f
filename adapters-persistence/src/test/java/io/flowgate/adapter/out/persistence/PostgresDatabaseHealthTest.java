package io.flowgate.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresDatabaseHealthTest {

    @Test
    void databaseThatAnswers_isReachable() {
        try (TestDatabase database = TestDatabase.create()) {
            assertThat(new PostgresDatabaseHealth(database.dataSource()).isReachable()).isTrue();
        }
    }

    @Test
    void noDatabaseListening_isNotReachable() throws Exception {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        try (ServerSocket socket = new ServerSocket(0)) { // a port nothing listens on once it is closed
            nowhere.setServerNames(new String[] {"127.0.0.1"});
            nowhere.setPortNumbers(new int[] {socket.getLocalPort()});
        }
        nowhere.setUser("postgres");

        assertThat(new PostgresDatabaseHealth(nowhere).isReachable()).isFalse();
    }
}
