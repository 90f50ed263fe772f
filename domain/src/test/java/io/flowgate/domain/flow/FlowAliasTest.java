package io.flowgate.domain.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.domain.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FlowAliasTest {

    @ParameterizedTest
    @ValueSource(strings = {"0123456789abcdef0123456789abcdef", "create-user", "create_user", "a", "7", "v2-sync"})
    void randomHexOrReadableName_isAValidAlias(String value) {
        assertThat(new FlowAlias(value).value()).isEqualTo(value);
    }

    @Test
    void aliasOf100Characters_isAccepted_and101IsRefused() {
        assertThat(new FlowAlias("a".repeat(100)).value()).hasSize(100);
        assertThatThrownBy(() -> new FlowAlias("a".repeat(101))).isInstanceOf(InvalidValue.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0123456789ABCDEF0123456789ABCDEF", "Create-User", "-create", "_create", "create user",
            "create.user", "create/user", "cr\u00e9er"})
    void uppercaseLeadingPunctuationOrOtherCharacters_areRefused(String value) {
        assertThatThrownBy(() -> new FlowAlias(value))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("alias"));
    }

    @Test
    void alias_printsAsItsBareValue() {
        assertThat(new FlowAlias("create-user")).hasToString("create-user");
    }
}
