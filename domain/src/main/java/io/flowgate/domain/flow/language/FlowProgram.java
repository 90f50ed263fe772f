package io.flowgate.domain.flow.language;

import java.util.List;

/** A definition that passed validation, compiled once and run any number of times (it is immutable). */
public final class FlowProgram {

    private final List<Step> steps;

    FlowProgram(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    List<Step> steps() {
        return steps;
    }
}
