package io.flowgate.domain.flow.language;

import java.util.List;

/** A definition that passed validation, compiled once and run any number of times (it is immutable). */
public final class FlowProgram {

    private final List<Step> steps;
    private final boolean answersEarly;

    FlowProgram(List<Step> steps) {
        this.steps = List.copyOf(steps);
        this.answersEarly = anyAnswersEarly(this.steps);
    }

    List<Step> steps() {
        return steps;
    }

    /**
     * Whether one of its own steps, at any depth of {@code then}, {@code else} and {@code do}, can answer the
     * request before the run ends. A flow it calls cannot: {@code flow.close} answers only in the invoked flow.
     */
    public boolean answersEarly() {
        return answersEarly;
    }

    private static boolean anyAnswersEarly(List<Step> steps) {
        return steps.stream().anyMatch(step -> step.card().answersEarly()
                || step.blocks().values().stream().anyMatch(FlowProgram::anyAnswersEarly));
    }
}
