package io.flowgate.application.port.in;

public interface CheckReadinessUseCase {

    /** Ready means the database answers and its schema is migrated to what this build expects. */
    boolean isReady();
}
