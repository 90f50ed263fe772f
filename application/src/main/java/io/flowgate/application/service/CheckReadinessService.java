package io.flowgate.application.service;

import io.flowgate.application.port.in.CheckReadinessUseCase;
import io.flowgate.application.port.out.DatabaseHealth;

public final class CheckReadinessService implements CheckReadinessUseCase {

    private final DatabaseHealth database;

    public CheckReadinessService(DatabaseHealth database) {
        this.database = database;
    }

    @Override
    public boolean isReady() {
        return database.isReachable();
    }
}
