package io.flowgate.domain.flow.language;

import io.flowgate.domain.flow.language.json.JsonNumber;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.util.Optional;
import java.util.Set;

/** The kinds of value a card input takes. */
public enum InputType {
    /** Anything, null included. */
    ANY("any value", Set.of("null", "boolean", "number", "text", "list", "object")),
    /** Text; a number or a boolean is taken as its JSON text. */
    TEXT("text", Set.of("text", "number", "boolean")),
    NUMBER("a number", Set.of("number")),
    /** A number without a fraction, between -2^63 and 2^63-1. */
    INTEGER("a whole number", Set.of("number")),
    BOOLEAN("true or false", Set.of("boolean")),
    LIST("a list", Set.of("list")),
    OBJECT("an object", Set.of("object")),
    /** A condition (see the flow language reference); it reaches the card as true or false. */
    CONDITION("a condition", Set.of("boolean")),
    /** Text naming a flow of the same org by id or alias; a literal name is checked when the definition is saved. */
    FLOW("the id or alias of a flow", Set.of("text"));

    private final String description;
    private final Set<String> acceptedTypes;

    InputType(String description, Set<String> acceptedTypes) {
        this.description = description;
        this.acceptedTypes = acceptedTypes;
    }

    public String description() {
        return description;
    }

    /** Whether values of this JSON type can fit ({@link JsonValue#typeName()}). */
    boolean accepts(String typeName) {
        return acceptedTypes.contains(typeName);
    }

    /** Why the value does not fit, phrased to follow "input 'x' ". */
    Optional<String> mismatch(JsonValue value) {
        if (!accepts(value.typeName())) {
            return Optional.of(mismatchMessage(value.typeName()));
        }
        if (this == INTEGER && Numbers.toLong(((JsonNumber) value).value()).isEmpty()) {
            return Optional.of("must be a whole number between -2^63 and 2^63-1");
        }
        return Optional.empty();
    }

    String mismatchMessage(String typeName) {
        return "must be " + description + ", not " + withArticle(typeName);
    }

    static String withArticle(String typeName) {
        return switch (typeName) {
            case "null", "text" -> typeName;
            case "object" -> "an object";
            default -> "a " + typeName;
        };
    }
}
