package io.flowgate.domain.log;

import io.flowgate.domain.Identifiers;

/** Identifies one system log event. */
public record LogEventId(String value) {

    public LogEventId {
        Identifiers.require(value, "logEventId");
    }

    @Override
    public String toString() {
        return value;
    }
}
