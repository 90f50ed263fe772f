package io.flowgate.domain.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AliasBindingTest {

    private static final OrgId ORG = new OrgId("org1");
    private static final FlowAlias ALIAS = new FlowAlias("create-user");
    private static final FlowId OLD_FLOW = new FlowId("flow1");
    private static final FlowId NEW_FLOW = new FlowId("flow2");
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void bind_pointsTheAliasAtTheFlow() {
        AliasBinding binding = AliasBinding.bind(ORG, ALIAS, OLD_FLOW, NOW);

        assertThat(binding.orgId()).isEqualTo(ORG);
        assertThat(binding.alias()).isEqualTo(ALIAS);
        assertThat(binding.flowId()).isEqualTo(OLD_FLOW);
        assertThat(binding.created()).isEqualTo(NOW);
    }

    @Test
    void moveTo_pointsTheSameAliasAtAnotherFlow() {
        AliasBinding binding = AliasBinding.bind(ORG, ALIAS, OLD_FLOW, NOW);

        binding.moveTo(NEW_FLOW);

        assertThat(binding.flowId()).isEqualTo(NEW_FLOW);
        assertThat(binding.alias()).isEqualTo(ALIAS);
        assertThat(binding.orgId()).isEqualTo(ORG);
        assertThat(binding.created()).isEqualTo(NOW);
    }

    @Test
    void movingToNoFlow_isRefusedAndKeepsTheBinding() {
        AliasBinding binding = AliasBinding.restore(ORG, ALIAS, OLD_FLOW, NOW);

        assertThatNullPointerException().isThrownBy(() -> binding.moveTo(null));

        assertThat(binding.flowId()).isEqualTo(OLD_FLOW);
    }
}
