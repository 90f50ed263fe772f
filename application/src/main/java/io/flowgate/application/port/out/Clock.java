package io.flowgate.application.port.out;

import java.time.Instant;

/** The time, so services and tests agree on it; never {@code Instant.now()} in the core. */
public interface Clock {

    Instant now();
}
