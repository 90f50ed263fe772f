package io.flowgate.application.port.out;

public interface DatabaseHealth {

    /** The database answers and holds the schema version this build expects. */
    boolean isReachableAndMigrated();
}
