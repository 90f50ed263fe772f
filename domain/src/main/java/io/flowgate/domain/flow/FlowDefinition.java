package io.flowgate.domain.flow;

import io.flowgate.domain.InvalidValue;

/**
 * A flow's definition as JSON text ({@code {"steps":[...]}}), stored as the admin saved it.
 * Checking its structure is the adapters' job until the flow language parses it here.
 */
public record FlowDefinition(String json) {

    public FlowDefinition {
        if (json == null || json.isBlank()) {
            throw new InvalidValue("definition", "definition must not be empty");
        }
    }
}
