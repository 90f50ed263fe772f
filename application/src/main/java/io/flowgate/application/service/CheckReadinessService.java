package io.flowgate.application.service;

import io.flowgate.application.port.in.CheckReadinessUseCase;
import io.flowgate.application.port.out.DatabaseHealth;

public final class CheckReadinessService implements CheckReadinessUseCase {

    private final DatabaseHealth database;

    public CheckReadinessService(DatabaseHealth database) {
        this.database = database;
    }

    @Override
    public Readiness check() {
        return switch (database.check()) {
            case UP -> new Ready();
            case UNREACHABLE -> new NotReady("database not reachable");
            case NOT_MIGRATED -> new NotReady("database not migrated to this build's schema");
        };
    }
}
