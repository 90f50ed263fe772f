package io.flowgate.domain.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.domain.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"okta.workflows.invoke.manage", "a", "Z9", "api:read", "https://api.example/read",
            "x_y-z.w"})
    void urlSafeScopeToken_isAccepted(String value) {
        assertThat(new ScopeName(value).value()).isEqualTo(value);
    }

    @Test
    void scopeOf128Characters_isAccepted_and129IsRefused() {
        assertThat(new ScopeName("s".repeat(128)).value()).hasSize(128);
        assertThatThrownBy(() -> new ScopeName("s".repeat(129))).isInstanceOf(InvalidValue.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {".leading", "-leading", "_leading", "two words", "quote\"", "back\\slash", "caf\u00e9",
            "a,b", "openid profile"})
    void scopeWithLeadingPunctuationOrUnsafeCharacters_isRefused(String value) {
        assertThatThrownBy(() -> new ScopeName(value))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("scopeId"));
    }

    @Test
    void scopeName_printsAsItsBareValue() {
        assertThat(new ScopeName("api:read")).hasToString("api:read");
    }
}
