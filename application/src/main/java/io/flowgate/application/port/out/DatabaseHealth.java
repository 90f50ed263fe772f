package io.flowgate.application.port.out;

public interface DatabaseHealth {

    enum Status {
        UP,
        UNREACHABLE,
        /** It answers, but no longer holds the schema this node migrated it to at its start. */
        NOT_MIGRATED
    }

    /** How the database is now, found within a bound that does not depend on it. */
    Status check();
}
