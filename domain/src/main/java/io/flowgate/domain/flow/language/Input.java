package io.flowgate.domain.flow.language;

import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * One input of a card.
 *
 * @param rule what a value of the right type must also satisfy, checked on literal values when a definition is
 *             saved and on every value before the step runs
 */
public record Input(String name, InputType type, boolean required, Rule rule) {

    /** A further check of a value that already has the input's type. */
    @FunctionalInterface
    public interface Rule {
        Rule NONE = value -> Optional.empty();

        /** What is wrong with the value, phrased to follow "input 'x' ", like "must not be empty". */
        Optional<String> problem(JsonValue value);
    }

    public Input {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(rule);
    }

    public static Input required(String name, InputType type) {
        return new Input(name, type, true, Rule.NONE);
    }

    public static Input optional(String name, InputType type) {
        return new Input(name, type, false, Rule.NONE);
    }

    public Input where(Rule newRule) {
        return new Input(name, type, required, newRule);
    }

    /** What is wrong with a value for this input: its type, then its rule. */
    Optional<String> problem(JsonValue value) {
        Optional<String> mismatch = type.mismatch(value);
        return mismatch.isPresent() ? mismatch : rule.problem(value);
    }
}
