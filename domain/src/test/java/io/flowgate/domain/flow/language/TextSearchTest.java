package io.flowgate.domain.flow.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextSearchTest {

    private static List<Integer> everyMatch(String text, String needle) {
        TextSearch search = TextSearch.of(needle);
        List<Integer> matches = new ArrayList<>();
        for (int at = search.in(text, 0); at >= 0; at = search.in(text, at + 1)) {
            matches.add(at);
        }
        return matches;
    }

    @Test
    void overlappingOccurrences_areEachFound_withShortAndLongNeedles() {
        assertThat(everyMatch("aaaa", "aa")).containsExactly(0, 1, 2);
        String longNeedle = "ab".repeat(12) + "a";
        assertThat(everyMatch("ab".repeat(14) + "a", longNeedle)).containsExactly(0, 2, 4);
    }

    @Test
    void aNeedleWhosePrefixRecursInIt_isFoundAfterAFalseStart() {
        String needle = "abcabcabd".repeat(2) + "x";
        String text = "abcabcabc" + needle + "abcabcab";

        assertThat(TextSearch.of(needle).in(text, 0)).isEqualTo(9);
    }

    @Test
    void theEmptyNeedle_isFoundAtTheStartingPosition_asIndexOfDoes() {
        assertThat(TextSearch.of("").in("abc", 0)).isZero();
        assertThat(TextSearch.of("").in("abc", 3)).isEqualTo(3);
        assertThat(TextSearch.contains("", "")).isTrue();
        assertThat(TextSearch.contains("abc", "")).isTrue();
    }

    @Test
    void surrogatePairs_matchAsTheirUtf16Units() {
        String emoji = "😀";
        String longNeedle = (emoji + "é").repeat(9);

        assertThat(everyMatch("a😀b😀", emoji)).containsExactly(1, 4);
        assertThat(TextSearch.of(longNeedle).in("x" + longNeedle + emoji, 0)).isEqualTo(1);
        assertThat(TextSearch.contains("a😀b", "😁")).isFalse();
    }

    @Test
    void aNeedleLongerThanTheText_orAStartPastTheEnd_isNotFound() {
        String longNeedle = "z".repeat(40);

        assertThat(TextSearch.of(longNeedle).in("z".repeat(39), 0)).isEqualTo(-1);
        assertThat(TextSearch.of(longNeedle).in("z".repeat(80), 40)).isEqualTo(40);
        assertThat(TextSearch.of(longNeedle).in("z".repeat(80), 41)).isEqualTo(-1);
        assertThat(TextSearch.of(longNeedle).in(longNeedle, -5)).isZero();
    }

    @Test
    void everyResult_isWhatIndexOfGives_onRandomTextsOverTwoLetters() {
        Random random = new Random(42);
        for (int round = 0; round < 3_000; round++) {
            String text = randomText(random, random.nextInt(120));
            String needle = random.nextInt(4) == 0 && text.length() > 20
                    ? text.substring(3, 3 + random.nextInt(text.length() - 3)) : randomText(random, random.nextInt(40));
            TextSearch search = TextSearch.of(needle);
            for (int from = -1; from <= text.length() + 1; from++) {
                assertThat(search.in(text, from)).as("'%s' in '%s' from %d", needle, text, from)
                        .isEqualTo(text.indexOf(needle, from));
            }
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(5) == 0 ? 'b' : 'a');
        }
        return text.toString();
    }
}
