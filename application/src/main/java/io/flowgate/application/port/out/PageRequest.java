package io.flowgate.application.port.out;

import io.flowgate.domain.InvalidValue;
import java.util.Optional;

/**
 * One page of a list ordered by id: at most {@code limit} items whose id is greater than {@code after}.
 */
public record PageRequest(int limit, Optional<String> after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 200;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValue("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        after.ifPresent(cursor -> io.flowgate.domain.Identifiers.require(cursor, "after"));
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }
}
