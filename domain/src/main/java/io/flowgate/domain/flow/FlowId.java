package io.flowgate.domain.flow;

import io.flowgate.domain.Identifiers;

/** Identifies a flow. */
public record FlowId(String value) {

    public FlowId {
        Identifiers.require(value, "flowId");
    }

    @Override
    public String toString() {
        return value;
    }
}
