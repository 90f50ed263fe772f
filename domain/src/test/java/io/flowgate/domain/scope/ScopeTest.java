package io.flowgate.domain.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScopeTest {

    private static final ScopeName NAME = new ScopeName("api:read");

    @Test
    void invokeScope_isTheOneOktaWorkflowsUses() {
        assertThat(Scope.INVOKE_FLOWS.value()).isEqualTo("okta.workflows.invoke.manage");
    }

    @Test
    void description_isStripped() {
        assertThat(new Scope(NAME, "  Read the API ").description()).isEqualTo("Read the API");
    }

    @Test
    void descriptionOf500Characters_isAccepted_and501IsRefused() {
        assertThat(new Scope(NAME, "d".repeat(500)).description()).hasSize(500);
        assertThatThrownBy(() -> new Scope(NAME, "d".repeat(501)))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("description"));
    }

    @Test
    void blankDescriptionOrMissingName_isRefused() {
        assertThatThrownBy(() -> new Scope(NAME, " ")).isInstanceOf(InvalidValue.class);
        assertThatNullPointerException().isThrownBy(() -> new Scope(null, "Read the API"));
    }

    @Test
    void grantMissingAnyPart_isRefused() {
        ScopeGrantId id = new ScopeGrantId("g1");
        OrgId org = new OrgId("org1");
        AppId app = new AppId("app1");
        Instant now = Instant.parse("2030-01-01T00:00:00Z");

        assertThat(new ScopeGrant(id, org, app, NAME, now).scope()).isEqualTo(NAME);
        assertThatNullPointerException().isThrownBy(() -> new ScopeGrant(null, org, app, NAME, now));
        assertThatNullPointerException().isThrownBy(() -> new ScopeGrant(id, null, app, NAME, now));
        assertThatNullPointerException().isThrownBy(() -> new ScopeGrant(id, org, null, NAME, now));
        assertThatNullPointerException().isThrownBy(() -> new ScopeGrant(id, org, app, null, now));
        assertThatNullPointerException().isThrownBy(() -> new ScopeGrant(id, org, app, NAME, null));
    }
}
