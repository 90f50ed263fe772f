package io.flowgate.domain.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.domain.Conflict;
import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.LifecycleStatus;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AppTest {

    private static final AppId ID = new AppId("app1");
    private static final OrgId ORG = new OrgId("org1");
    private static final Instant CREATED = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant LATER = CREATED.plusSeconds(60);

    private static App activeApp() {
        return App.register(ID, ORG, "Invoker", CREATED);
    }

    private static App inactiveApp() {
        return App.restore(ID, ORG, "Invoker", LifecycleStatus.INACTIVE, CREATED, CREATED);
    }

    @Test
    void register_makesAnActiveAppWhoseClientIdIsItsId() {
        App app = App.register(ID, ORG, "  Invoker ", CREATED);

        assertThat(app.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(app.isActive()).isTrue();
        assertThat(app.clientId()).isEqualTo(ID);
        assertThat(app.orgId()).isEqualTo(ORG);
        assertThat(app.label()).isEqualTo("Invoker");
        assertThat(app.created()).isEqualTo(CREATED);
        assertThat(app.lastUpdated()).isEqualTo(CREATED);
    }

    @Test
    void labelOf100Characters_isAccepted_and101IsRefused() {
        assertThat(App.register(ID, ORG, "l".repeat(100), CREATED).label()).hasSize(100);
        assertThatThrownBy(() -> App.register(ID, ORG, "l".repeat(101), CREATED))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("label"));
    }

    @Test
    void blankLabel_isRefused() {
        assertThatThrownBy(() -> App.register(ID, ORG, "  ", CREATED)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void relabel_changesTheLabelAndLastUpdated() {
        App app = activeApp();

        app.relabel(" Nightly sync ", LATER);

        assertThat(app.label()).isEqualTo("Nightly sync");
        assertThat(app.lastUpdated()).isEqualTo(LATER);
    }

    @Test
    void invalidNewLabel_isRefusedAndTheOldOneKept() {
        App app = activeApp();

        assertThatThrownBy(() -> app.relabel("bad\u0000label", LATER)).isInstanceOf(InvalidValue.class);

        assertThat(app.label()).isEqualTo("Invoker");
        assertThat(app.lastUpdated()).isEqualTo(CREATED);
    }

    @Test
    void deactivatingAnActiveApp_makesItInactiveAndTouchesLastUpdated() {
        App app = activeApp();

        app.deactivate(LATER);

        assertThat(app.status()).isEqualTo(LifecycleStatus.INACTIVE);
        assertThat(app.isActive()).isFalse();
        assertThat(app.lastUpdated()).isEqualTo(LATER);
    }

    @Test
    void deactivatingAnInactiveApp_changesNothing() {
        App app = inactiveApp();

        app.deactivate(LATER);

        assertThat(app.status()).isEqualTo(LifecycleStatus.INACTIVE);
        assertThat(app.lastUpdated()).isEqualTo(CREATED);
    }

    @Test
    void activatingAnInactiveApp_makesItActiveAndTouchesLastUpdated() {
        App app = inactiveApp();

        app.activate(LATER);

        assertThat(app.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(app.lastUpdated()).isEqualTo(LATER);
    }

    @Test
    void activatingAnActiveApp_changesNothing() {
        App app = activeApp();

        app.activate(LATER);

        assertThat(app.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(app.lastUpdated()).isEqualTo(CREATED);
    }

    @Test
    void deletingAnActiveApp_isAConflict() {
        assertThatThrownBy(() -> activeApp().ensureDeletable()).isInstanceOf(Conflict.class);
    }

    @Test
    void deletingAnInactiveApp_isAllowed() {
        assertThatCode(() -> inactiveApp().ensureDeletable()).doesNotThrowAnyException();
    }

    @Test
    void restore_keepsTheStoredStateAndTimes() {
        App app = App.restore(ID, ORG, "Invoker", LifecycleStatus.INACTIVE, CREATED, LATER);

        assertThat(app.status()).isEqualTo(LifecycleStatus.INACTIVE);
        assertThat(app.created()).isEqualTo(CREATED);
        assertThat(app.lastUpdated()).isEqualTo(LATER);
    }
}
