package io.flowgate.domain.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.domain.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OrgSlugTest {

    @ParameterizedTest
    @ValueSource(strings = {"ab", "a1", "9z", "acme", "acme-corp", "0day", "a-b-c"})
    void lowercaseLettersDigitsAndDashes_areAValidSlug(String value) {
        assertThat(new OrgSlug(value).value()).isEqualTo(value);
    }

    @Test
    void twoCharacters_isTheShortestSlug() {
        assertThat(new OrgSlug("ab").value()).isEqualTo("ab");
        assertThatThrownBy(() -> new OrgSlug("a")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void sixtyThreeCharacters_isTheLongestSlug() {
        String longest = "a".repeat(63);

        assertThat(new OrgSlug(longest).value()).isEqualTo(longest);
        assertThatThrownBy(() -> new OrgSlug("a".repeat(64))).isInstanceOf(InvalidValue.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-acme", "Acme", "ACME", "ac_me", "ac me", "acme.io", "acm\u00e9", "acme/", " acme"})
    void anythingElse_isRefusedAsAnInvalidSlug(String value) {
        assertThatThrownBy(() -> new OrgSlug(value))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("slug"));
    }

    @Test
    void slug_printsAsItsBareValue() {
        assertThat(new OrgSlug("acme")).hasToString("acme");
    }
}
