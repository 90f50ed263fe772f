package io.flowgate.domain.flow.language.json;

import java.util.Objects;

/** A JSON string; users call it text. */
public record JsonString(String value) implements JsonValue {

    public JsonString {
        Objects.requireNonNull(value);
    }

    public static JsonString of(String value) {
        return new JsonString(value);
    }

    @Override
    public String typeName() {
        return "text";
    }
}
