package io.flowgate.application.port.in;

public interface CheckReadinessUseCase {

    sealed interface Readiness {
    }

    record Ready() implements Readiness {
    }

    /** Why the node cannot serve, in a few words fit for an operator. */
    record NotReady(String reason) implements Readiness {
    }

    /** Ready means the database answers and its schema is migrated to what this build expects. */
    Readiness check();
}
