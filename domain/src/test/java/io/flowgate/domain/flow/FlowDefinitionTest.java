package io.flowgate.domain.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.domain.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FlowDefinitionTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" \n "})
    void emptyDefinition_isRefused(String json) {
        assertThatThrownBy(() -> new FlowDefinition(json))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("definition"));
    }

    @Test
    void definition_isKeptExactlyAsSaved() {
        String json = " {\"steps\": [] }\n";

        assertThat(new FlowDefinition(json).json()).isEqualTo(json);
    }
}
