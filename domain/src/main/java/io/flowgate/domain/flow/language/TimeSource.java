package io.flowgate.domain.flow.language;

import java.time.Instant;

/** Where a run reads the time: for {@code date.now}, step timings and the deadline. */
@FunctionalInterface
public interface TimeSource {

    Instant now();
}
