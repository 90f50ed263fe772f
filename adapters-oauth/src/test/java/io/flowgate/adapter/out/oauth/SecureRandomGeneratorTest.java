package io.flowgate.adapter.out.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.application.port.out.Clock;
import io.flowgate.domain.Identifiers;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SecureRandomGeneratorTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-15T10:00:00Z"));
    private final Clock clock = now::get;
    private final SecureRandomGenerator generator = new SecureRandomGenerator(clock);

    @Test
    void ids_areTwentyBase62Characters_andValidDomainIds() {
        String id = generator.newId();

        assertThat(id).hasSize(20).matches("[0-9A-Za-z]{20}");
        assertThat(Identifiers.require(id, "id")).isEqualTo(id);
    }

    @Test
    void idsMadeLater_sortAfterEarlierOnes_byteWise() {
        String earlier = generator.newId();
        now.set(now.get().plusMillis(1));
        String later = generator.newId();

        assertThat(later.compareTo(earlier)).isPositive();
        assertThat(later.substring(0, 8)).isNotEqualTo(earlier.substring(0, 8));
    }

    @Test
    void idsMadeInTheSameMillisecond_differ() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(generator.newId());
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void secrets_areFortyBase62Characters_andUnique() {
        String first = generator.newSecret();
        String second = generator.newSecret();

        assertThat(first).matches("[0-9A-Za-z]{40}");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void everyCharacter_isEquallyLikely() {
        int[] counts = new int[128];
        int secrets = 5_000;
        for (int i = 0; i < secrets; i++) {
            generator.newSecret().chars().forEach(c -> counts[c]++);
        }
        // 200,000 characters: 3,226 of each expected, give or take 57 (one standard deviation). Taking
        // every byte modulo 62 would make '0' to '7' a quarter more likely than the rest.
        double expected = secrets * 40 / 62.0;
        for (char c : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray()) {
            assertThat((double) counts[c]).as("occurrences of %s", c).isBetween(expected * 0.9, expected * 1.1);
        }
    }
}
