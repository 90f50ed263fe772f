package io.flowgate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    private static final String GRINNING_FACE = "\uD83D\uDE00"; // one code point, two chars

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n", "\u2003"})
    void blankText_isRefusedNamingTheField(String value) {
        assertThatThrownBy(() -> Text.requireLabel(value, "label", 10))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("label");
                    assertThat(e.getMessage()).contains("blank");
                });
    }

    @Test
    void surroundingWhitespace_isStripped() {
        assertThat(Text.requireLabel("  Acme Inc \t", "name", 10)).isEqualTo("Acme Inc");
    }

    @Test
    void surroundingUnicodeSpaces_areStrippedToo() {
        assertThat(Text.requireLabel("\u2003Acme\u2003", "name", 10)).isEqualTo("Acme");
    }

    @Test
    void textOfExactlyTheMaximumLength_isAccepted() {
        assertThat(Text.requireLabel("abcde", "name", 5)).isEqualTo("abcde");
    }

    @Test
    void textOneOverTheMaximumLength_isRefused() {
        assertThatThrownBy(() -> Text.requireLabel("abcdef", "name", 5))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.getMessage()).contains("at most 5");
                });
    }

    @Test
    void lengthIsMeasuredAfterStripping() {
        assertThat(Text.requireLabel("   abcde   ", "name", 5)).isEqualTo("abcde");
    }

    @Test
    void lengthIsCountedInCodePoints_soSupplementaryCharactersCountOnce() {
        String fiveEmoji = GRINNING_FACE.repeat(5);

        assertThat(Text.requireLabel(fiveEmoji, "name", 5)).isEqualTo(fiveEmoji);
        assertThatThrownBy(() -> Text.requireLabel(GRINNING_FACE.repeat(6), "name", 5))
                .isInstanceOf(InvalidValue.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ac\u0000me", "Ac\nme", "Ac\tme", "Ac\u007Fme", "Ac\u0085me", "Acme\u0007"})
    void controlCharactersInside_areRefused(String value) {
        assertThatThrownBy(() -> Text.requireLabel(value, "label", 100))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("label");
                    assertThat(e.getMessage()).contains("control characters");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Acme‮evil", "Ac​me", "Ac me", "Ac me", "Ac﻿me"})
    void invisibleFormattingCharacters_areRefused(String value) {
        assertThatThrownBy(() -> Text.requireLabel(value, "label", 100))
                .isInstanceOfSatisfying(InvalidValue.class, e -> assertThat(e.field()).isEqualTo("label"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\ud800b", "ab\udc00", "\ude00\ud83d", "a\ud83d"})
    void halfOfASurrogatePair_isRefused(String value) {
        assertThatThrownBy(() -> Text.requireLabel(value, "name", 100))
                .isInstanceOfSatisfying(InvalidValue.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.getMessage()).contains("surrogate");
                });
    }

    @Test
    void nonAsciiLettersAndPunctuation_areAccepted() {
        assertThat(Text.requireLabel("Caf\u00e9 \u00ab M\u00fcller \u00bb \u2014 \u6771\u4eac", "name", 100))
                .isEqualTo("Caf\u00e9 \u00ab M\u00fcller \u00bb \u2014 \u6771\u4eac");
    }
}
