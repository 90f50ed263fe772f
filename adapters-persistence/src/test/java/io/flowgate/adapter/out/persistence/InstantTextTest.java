package io.flowgate.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "2026-12-01T09:05:03Z", "2026-12-01T09:05:03.100Z",
            "2026-12-01T09:05:03.000100Z", "2026-12-01T09:05:03.000000001Z", "2028-02-29T23:59:59.999999999Z",
            "9999-12-31T23:59:59.5Z", "+10000-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z"})
    void boundaryInstants_readAsInstantWritesThem(String text) {
        Instant instant = Instant.parse(text);

        assertThat(InstantText.format(instant)).isEqualTo(instant.toString());
    }

    @Test
    void randomInstants_readAsInstantWritesThem() {
        SplittableRandom random = new SplittableRandom(20261130);
        for (int i = 0; i < 100_000; i++) {
            long second = random.nextLong(0, 253_402_300_800L);
            // A third whole milliseconds, a third whole microseconds, a third any nanosecond: each fraction width.
            int nano = switch (i % 3) {
                case 0 -> random.nextInt(1000) * 1_000_000;
                case 1 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nano);

            assertThat(InstantText.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void append_writesAfterWhatIsThere() {
        StringBuilder out = new StringBuilder("at ");

        InstantText.append(out, Instant.parse("2026-11-30T10:00:00.25Z"));

        assertThat(out).hasToString("at 2026-11-30T10:00:00.250Z");
    }
}
