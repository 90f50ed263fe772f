package io.flowgate.domain.flow.language;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * The flow language: checks definitions when they are saved and runs them. Thread-safe; a program can be run by
 * many threads at once. Typical wiring: {@code new FlowLanguage(StandardCards.registry(), Limits.DEFAULT)}.
 */
public final class FlowLanguage {

    private final CardRegistry cards;
    private final Limits limits;

    public FlowLanguage(CardRegistry cards, Limits limits) {
        this.cards = Objects.requireNonNull(cards);
        this.limits = Objects.requireNonNull(limits);
    }

    /**
     * Checks and compiles a definition ({@code {"steps":[...]}}).
     *
     * @param flowExists whether a flow id or alias names a flow of the same org, for {@code flow.call}
     */
    public ParsedDefinition parse(String definition, Predicate<String> flowExists) {
        return DefinitionCompiler.compile(Objects.requireNonNull(definition), cards, flowExists);
    }

    /** Runs a program to its end, a failure, its deadline or a bound; never throws for anything the flow does. */
    public RunResult run(FlowProgram program, RunInputs inputs, RunEnvironment environment) {
        return Interpreter.run(program, inputs, environment, limits);
    }

    public Limits limits() {
        return limits;
    }
}
