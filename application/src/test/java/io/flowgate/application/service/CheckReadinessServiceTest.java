package io.flowgate.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.application.port.in.CheckReadinessUseCase.NotReady;
import io.flowgate.application.port.in.CheckReadinessUseCase.Ready;
import io.flowgate.application.port.out.DatabaseHealth.Status;
import org.junit.jupiter.api.Test;

class CheckReadinessServiceTest {

    @Test
    void databaseUp_isReady() {
        assertThat(new CheckReadinessService(() -> Status.UP).check()).isEqualTo(new Ready());
    }

    @Test
    void databaseUnreachable_isNotReady_sayingSo() {
        assertThat(new CheckReadinessService(() -> Status.UNREACHABLE).check())
                .isEqualTo(new NotReady("database not reachable"));
    }

    @Test
    void databaseNotAtThisBuildsSchema_isNotReady_sayingSo() {
        assertThat(new CheckReadinessService(() -> Status.NOT_MIGRATED).check())
                .isEqualTo(new NotReady("database not migrated to this build's schema"));
    }
}
