package io.flowgate.adapter.out.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears, on one connection of its own, the notifications that every node's writing units of work
 * send at commit (one per changed org), and drops that org from this node's {@link ReadCache}.
 * While the connection is down the cache is paused, so nothing stale is served; it resumes, empty,
 * once listening again.
 */
public final class ChangeListener implements AutoCloseable {

    static final String CHANNEL = "flowgate_changes";
    private static final System.Logger LOG = System.getLogger(ChangeListener.class.getName());
    private static final int POLL_MILLIS = 250;
    /** A connection cut without a word from the server is noticed by this check, at the latest. */
    private static final long VALIDATE_EVERY_MILLIS = 5_000;
    private static final long RETRY_MILLIS = 1_000;

    private final DataSource dataSource;
    private final ReadCache cache;
    private final Thread thread;
    private volatile boolean open = true;

    /** @param dataSource where the listening connection comes from; it is held for as long as this runs */
    public ChangeListener(DataSource dataSource, ReadCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.thread = new Thread(this::listen, "flowgate-change-listener");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void listen() {
        while (open) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                cache.resume();
                try {
                    receive(connection);
                } finally {
                    stopListening(connection);
                }
            } catch (SQLException | RuntimeException e) {
                cache.pause();
                if (open) {
                    LOG.log(System.Logger.Level.WARNING, "not hearing changes from other nodes, caching paused: {0}",
                            e.getMessage());
                    sleep(RETRY_MILLIS);
                }
            }
        }
        cache.pause();
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (open) {
            PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
            if (notifications != null && notifications.length > 0) {
                for (PGNotification notification : notifications) {
                    if (notification.getParameter().isEmpty()) {
                        cache.dropAll();
                    } else {
                        cache.drop(notification.getParameter());
                    }
                }
                lastHeard = System.nanoTime();
            } else if (System.nanoTime() - lastHeard > TimeUnit.MILLISECONDS.toNanos(VALIDATE_EVERY_MILLIS)) {
                if (!connection.isValid(1)) {
                    throw new SQLException("the listening connection is no longer valid");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    /** The connection goes back to its pool: it must not go on collecting notifications for its next user. */
    private static void stopListening(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("unlisten *");
            connection.unwrap(PGConnection.class).getNotifications();
        } catch (SQLException e) {
            // a broken connection is dropped by the pool anyway
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        open = false;
        // With the database out of reach the thread waits for a connection, or between attempts: both
        // end at an interrupt, where a node would otherwise take that long to stop.
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
