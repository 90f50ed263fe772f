package io.flowgate.domain.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.LifecycleStatus;
import io.flowgate.domain.SecretHash;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.policy.EndpointSecurityPolicy;
import io.flowgate.domain.policy.EndpointSettings;
import io.flowgate.domain.policy.RateLimit;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FlowTest {

    private static final FlowId ID = new FlowId("flow1");
    private static final OrgId ORG = new OrgId("org1");
    private static final FlowDefinition DEFINITION = new FlowDefinition("{\"steps\":[]}");
    private static final FlowDefinition OTHER_DEFINITION =
            new FlowDefinition("{\"steps\":[{\"id\":\"a\",\"card\":\"flow.return\",\"in\":{}}]}");
    private static final Instant CREATED = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant LATER = CREATED.plusSeconds(60);

    private static Flow newFlow() {
        return Flow.create(ID, ORG, "Create user", DEFINITION, CREATED);
    }

    private static Flow restored(LifecycleStatus status, int version) {
        return Flow.restore(ID, ORG, "Create user", DEFINITION, version, status, EndpointSettings.DEFAULT,
                CREATED, CREATED);
    }

    @Test
    void newFlow_isActiveAtVersion1_securedWithOAuth2ForAnyApp_andLimitedTo1000PerSecond() {
        Flow flow = Flow.create(ID, ORG, "  Create user ", DEFINITION, CREATED);

        assertThat(flow.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(flow.isActive()).isTrue();
        assertThat(flow.version()).isEqualTo(1);
        assertThat(flow.endpoint().security()).isInstanceOf(EndpointSecurityPolicy.OAuth2AnyApp.class);
        assertThat(flow.endpoint().rateLimit().perSecond()).isEqualTo(1000);
        assertThat(flow.name()).isEqualTo("Create user");
        assertThat(flow.definition()).isEqualTo(DEFINITION);
        assertThat(flow.orgId()).isEqualTo(ORG);
        assertThat(flow.created()).isEqualTo(CREATED);
        assertThat(flow.lastUpdated()).isEqualTo(CREATED);
    }

    @Test
    void nameOf200Characters_isAccepted_and201IsRefused() {
        assertThat(Flow.create(ID, ORG, "n".repeat(200), DEFINITION, CREATED).name()).hasSize(200);
        assertThatThrownBy(() -> Flow.create(ID, ORG, "n".repeat(201), DEFINITION, CREATED))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("name"));
    }

    @Test
    void revise_replacesNameAndDefinitionAndBumpsTheVersion() {
        Flow flow = newFlow();

        flow.revise("Create user v2", OTHER_DEFINITION, LATER);

        assertThat(flow.name()).isEqualTo("Create user v2");
        assertThat(flow.definition()).isEqualTo(OTHER_DEFINITION);
        assertThat(flow.version()).isEqualTo(2);
        assertThat(flow.lastUpdated()).isEqualTo(LATER);
    }

    @Test
    void everyRevision_bumpsTheVersionAgain() {
        Flow flow = restored(LifecycleStatus.ACTIVE, 7);

        flow.revise("Create user", DEFINITION, LATER);
        flow.revise("Create user", DEFINITION, LATER);

        assertThat(flow.version()).isEqualTo(9);
    }

    @Test
    void revisionWithAnInvalidName_isRefusedAndChangesNothing() {
        Flow flow = newFlow();

        assertThatThrownBy(() -> flow.revise(" ", OTHER_DEFINITION, LATER)).isInstanceOf(InvalidValue.class);

        assertThat(flow.name()).isEqualTo("Create user");
        assertThat(flow.definition()).isEqualTo(DEFINITION);
        assertThat(flow.version()).isEqualTo(1);
        assertThat(flow.lastUpdated()).isEqualTo(CREATED);
    }

    @Test
    void secure_replacesTheEndpointWithoutANewVersion() {
        Flow flow = newFlow();
        EndpointSettings publicEndpoint = new EndpointSettings(new EndpointSecurityPolicy.Public(), new RateLimit(5));

        flow.secure(publicEndpoint, LATER);

        assertThat(flow.endpoint()).isEqualTo(publicEndpoint);
        assertThat(flow.version()).isEqualTo(1);
        assertThat(flow.lastUpdated()).isEqualTo(LATER);
    }

    @Test
    void deactivatingAnActiveFlow_makesItInactiveAndTouchesLastUpdated() {
        Flow flow = newFlow();

        flow.deactivate(LATER);

        assertThat(flow.status()).isEqualTo(LifecycleStatus.INACTIVE);
        assertThat(flow.isActive()).isFalse();
        assertThat(flow.lastUpdated()).isEqualTo(LATER);
    }

    @Test
    void deactivatingAnInactiveFlow_changesNothing() {
        Flow flow = restored(LifecycleStatus.INACTIVE, 1);

        flow.deactivate(LATER);

        assertThat(flow.lastUpdated()).isEqualTo(CREATED);
    }

    @Test
    void activatingAnInactiveFlow_makesItActiveAndTouchesLastUpdated() {
        Flow flow = restored(LifecycleStatus.INACTIVE, 1);

        flow.activate(LATER);

        assertThat(flow.status()).isEqualTo(LifecycleStatus.ACTIVE);
        assertThat(flow.lastUpdated()).isEqualTo(LATER);
    }

    @Test
    void activatingAnActiveFlow_changesNothing() {
        Flow flow = newFlow();

        flow.activate(LATER);

        assertThat(flow.lastUpdated()).isEqualTo(CREATED);
    }

    @Test
    void activationChanges_doNotMakeANewVersion() {
        Flow flow = newFlow();

        flow.deactivate(LATER);
        flow.activate(LATER);

        assertThat(flow.version()).isEqualTo(1);
    }

    @Test
    void restoringVersionZero_isRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> restored(LifecycleStatus.ACTIVE, 0));
    }

    @Test
    void restore_keepsTheStoredVersionStatusAndEndpoint() {
        EndpointSettings clientToken = new EndpointSettings(
                new EndpointSecurityPolicy.ClientToken(new SecretHash("h1")), new RateLimit(10));

        Flow flow = Flow.restore(ID, ORG, "Create user", DEFINITION, 4, LifecycleStatus.INACTIVE, clientToken,
                CREATED, LATER);

        assertThat(flow.version()).isEqualTo(4);
        assertThat(flow.status()).isEqualTo(LifecycleStatus.INACTIVE);
        assertThat(flow.endpoint()).isEqualTo(clientToken);
        assertThat(flow.lastUpdated()).isEqualTo(LATER);
    }
}
