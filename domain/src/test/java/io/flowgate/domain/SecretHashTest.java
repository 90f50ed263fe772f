package io.flowgate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretHashTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void blankHash_isRefused(String value) {
        assertThatThrownBy(() -> new SecretHash(value))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("secretHash"));
    }

    @Test
    void sameHashValue_matches() {
        assertThat(new SecretHash("9f86d081884c7d65").matches(new SecretHash("9f86d081884c7d65"))).isTrue();
    }

    @Test
    void differentHashOfTheSameLength_doesNotMatch() {
        assertThat(new SecretHash("9f86d081884c7d65").matches(new SecretHash("9f86d081884c7d66"))).isFalse();
    }

    @Test
    void prefixOfTheHash_doesNotMatch() {
        assertThat(new SecretHash("9f86d081884c7d65").matches(new SecretHash("9f86d081"))).isFalse();
    }

    @Test
    void noHashAtAll_doesNotMatch() {
        assertThat(new SecretHash("9f86d081884c7d65").matches(null)).isFalse();
    }

    @Test
    void differentNonAsciiHashes_doNotMatch() {
        assertThat(new SecretHash("h\u00e9").matches(new SecretHash("h\u00fc"))).isFalse();
    }

    @Test
    void toString_redactsTheHash() {
        SecretHash hash = new SecretHash("9f86d081884c7d65");

        assertThat(hash.toString()).doesNotContain("9f86d081884c7d65").contains("redacted");
    }
}
