package io.flowgate.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChangeListenerTest {

    /** The listener's own limit on waiting for its thread when it closes. */
    private static final Duration JOIN_LIMIT = Duration.ofSeconds(5);

    @Test
    void closing_whileTheDatabaseIsOutOfReach_doesNotWaitOutTheConnectionAttempt() throws Exception {
        try (HikariDataSource unreachable = poolWhereNothingListens()) {
            ChangeListener listener = new ChangeListener(unreachable, new ReadCache());
            Thread.sleep(200); // it is waiting for a connection by now

            long started = System.nanoTime();
            listener.close();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(JOIN_LIMIT.dividedBy(2));
        }
    }

    /** A pool that would wait 30 s for a connection to a port where nothing listens. */
    private static HikariDataSource poolWhereNothingListens() throws IOException {
        HikariConfig config = new HikariConfig();
        try (ServerSocket socket = new ServerSocket(0)) {
            config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/postgres");
        }
        config.setConnectionTimeout(30_000);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
