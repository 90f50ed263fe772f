package io.flowgate.domain.flow.language;

import java.util.List;
import java.util.Map;

/** A compiled step: its inputs as expressions in definition order, and its step lists by name. */
record Step(String id, Card card, List<BoundInput> inputs, Map<String, List<Step>> blocks) {

    record BoundInput(Input input, Expr expr) {
    }

    Step {
        inputs = List.copyOf(inputs);
        blocks = Map.copyOf(blocks);
    }

    List<Step> block(String name) {
        List<Step> steps = blocks.get(name);
        if (steps == null) {
            throw new IllegalStateException("card " + card.name() + " has no step list '" + name + "'");
        }
        return steps;
    }
}
