package io.flowgate.adapter.out.persistence;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

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
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The pool's wait for a connection ran out: the failure that costs its caller that whole wait, unlike a
     * connection that broke, which fails at once and is replaced.
     */
    static boolean isWaitForConnectionTimedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }
}
