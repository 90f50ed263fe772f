package io.flowgate.bootstrap;

import io.flowgate.application.port.out.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Wall-clock time cut to microseconds, the precision PostgreSQL keeps, so a stored time reads back equal. */
final class SystemClock implements Clock {

    @Override
    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
