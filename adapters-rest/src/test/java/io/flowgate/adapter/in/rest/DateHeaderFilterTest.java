package io.flowgate.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The {@code Date} header's format, IMF-fixdate (RFC 9110 §5.6.7). */
class DateHeaderFilterTest {

    private final DateHeaderFilter filter = new DateHeaderFilter();

    @Test
    void aDayBeforeTheTenth_isWrittenWithTwoDigits() {
        assertThat(filter.httpDate(Instant.parse("2026-12-01T08:05:09Z"))).isEqualTo("Tue, 01 Dec 2026 08:05:09 GMT");
    }

    @Test
    void theText_followsTheSecond_andOnlyTheSecond() {
        assertThat(filter.httpDate(Instant.parse("2026-11-30T23:59:59.001Z"))).isEqualTo("Mon, 30 Nov 2026 23:59:59 GMT");
        assertThat(filter.httpDate(Instant.parse("2026-11-30T23:59:59.999Z"))).isEqualTo("Mon, 30 Nov 2026 23:59:59 GMT");
        assertThat(filter.httpDate(Instant.parse("2026-12-01T00:00:00Z"))).isEqualTo("Tue, 01 Dec 2026 00:00:00 GMT");
        assertThat(filter.httpDate(Instant.parse("2026-11-30T23:59:59.500Z"))).isEqualTo("Mon, 30 Nov 2026 23:59:59 GMT");
    }
}
