package io.flowgate.domain.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowgate.domain.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KidTest {

    @ParameterizedTest
    @ValueSource(strings = {"k", "2024-rotation", "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", "!", "~", "a:b/c+d=e"})
    void printableAsciiWithoutSpaces_isAValidKid(String value) {
        assertThat(new Kid(value).value()).isEqualTo(value);
    }

    @Test
    void kidOf255Characters_isAccepted_and256IsRefused() {
        assertThat(new Kid("k".repeat(255)).value()).hasSize(255);
        assertThatThrownBy(() -> new Kid("k".repeat(256))).isInstanceOf(InvalidValue.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"with space", "tab\there", "del\u007F", "caf\u00e9", "line\nbreak"})
    void spacesControlsOrNonAscii_areRefused(String value) {
        assertThatThrownBy(() -> new Kid(value))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("kid"));
    }

    @Test
    void kid_printsAsItsBareValue() {
        assertThat(new Kid("key-1")).hasToString("key-1");
    }
}
