package io.flowgate.domain.execution;

import io.flowgate.domain.Identifiers;

/** Identifies one run of a flow. */
public record ExecutionId(String value) {

    public ExecutionId {
        Identifiers.require(value, "executionId");
    }

    @Override
    public String toString() {
        return value;
    }
}
