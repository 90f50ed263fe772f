package io.flowgate.adapter.out.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;

/** Which failures mean that the database is out of reach, rather than that a statement was refused. */
final class ConnectionFailures {

    private ConnectionFailures() {
    }

    /**
     * No connection within the pool's wait (the pool's {@link SQLTransientConnectionException}); one
     * that could not be made or broke (SQL state class 08, "connection exception"); or a server that
     * is shutting down, crashed or still starting (57P01, 57P02, 57P03), which is what a connection
     * made before an outage meets first.
     */
    static boolean isConnectionFailure(Throwable e) {
        return anyCause(e, cause -> cause instanceof SQLTransientConnectionException
                || cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]")));
    }

    private static boolean anyCause(Throwable e, Predicate<Throwable> test) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }
}
