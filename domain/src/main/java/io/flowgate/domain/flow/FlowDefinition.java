package io.flowgate.domain.flow;

import io.flowgate.domain.InvalidValue;

/**
 * A flow's definition as JSON text ({@code {"steps":[...]}}), stored as the admin saved it. The
 * flow language parses and validates it when it is saved; this type only holds the text.
 */
public record FlowDefinition(String json) {

    public FlowDefinition {
        if (json == null || json.isBlank()) {
            throw new InvalidValue("definition", "definition must not be empty");
        }
    }
}
