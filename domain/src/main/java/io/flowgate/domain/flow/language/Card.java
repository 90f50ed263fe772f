package io.flowgate.domain.flow.language;

import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.List;

/**
 * One kind of step. A card declares its inputs (checked when a definition is saved and again, for values that
 * come from templates, before each run of the step) and computes an output from them. To add a card, implement
 * this interface and register it in {@code StandardCards}.
 */
public interface Card {

    /** The name a definition uses, like {@code text.concat}. */
    String name();

    /** The inputs it takes under {@code in}; any other input is an error. */
    List<Input> inputs();

    /** The step lists it takes beside {@code in}, like {@code then} and {@code else}. */
    default List<Block> blocks() {
        return List.of();
    }

    /**
     * Whether its output is new data counted against {@link Limits#maxOutputBytes()}. Cards that only hand on
     * what other steps produced ({@code flow.if}, {@code flow.for_each}, {@code flow.call}) say no, so that
     * nothing is counted twice.
     */
    default boolean countsOutput() {
        return true;
    }

    /**
     * Whether the step can answer the request while the run goes on ({@code flow.close}). A run that cannot
     * ends before its answer leaves, so the invoker need not give it a thread of its own.
     */
    default boolean answersEarly() {
        return false;
    }

    /**
     * Runs the step. Inputs have already been checked against {@link #inputs()}.
     *
     * @throws StepFailure when the step cannot produce an output; the run fails
     * @throws FlowEnding  when the step ends the run ({@code flow.return} and its kin)
     */
    JsonValue run(Inputs in, StepContext context);
}
