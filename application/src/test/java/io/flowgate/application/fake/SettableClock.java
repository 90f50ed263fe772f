package io.flowgate.application.fake;

import io.flowgate.application.port.out.Clock;
import java.time.Duration;
import java.time.Instant;

/** A clock tests move by hand. Starts at a fixed instant with whole microseconds, as PostgreSQL stores them. */
public final class SettableClock implements Clock {

    private Instant now = Instant.parse("2026-01-15T10:00:00.123456Z");

    @Override
    public synchronized Instant now() {
        return now;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }
}
