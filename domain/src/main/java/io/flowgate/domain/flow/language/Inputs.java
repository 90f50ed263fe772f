package io.flowgate.domain.flow.language;

import io.flowgate.domain.flow.language.json.JsonArray;
import io.flowgate.domain.flow.language.json.JsonBoolean;
import io.flowgate.domain.flow.language.json.JsonNull;
import io.flowgate.domain.flow.language.json.JsonNumber;
import io.flowgate.domain.flow.language.json.JsonObject;
import io.flowgate.domain.flow.language.json.JsonValue;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A step's inputs with their templates resolved, already checked against the card's {@link Input}s — so the
 * typed getters cannot meet a value of the wrong type. An optional input that was not given is absent.
 */
public final class Inputs {

    private final JsonObject values;

    Inputs(JsonObject values) {
        this.values = Objects.requireNonNull(values);
    }

    public JsonObject values() {
        return values;
    }

    public boolean has(String name) {
        return values.has(name);
    }

    /** The value, or null when absent. */
    public JsonValue value(String name) {
        return values.get(name);
    }

    public String text(String name) {
        return TextForm.ofScalar(present(name));
    }

    public String text(String name, String fallback) {
        return has(name) ? text(name) : fallback;
    }

    public BigDecimal number(String name) {
        return ((JsonNumber) present(name)).value();
    }

    public long integer(String name) {
        return Numbers.toLong(number(name)).orElseThrow();
    }

    public long integer(String name, long fallback) {
        return has(name) ? integer(name) : fallback;
    }

    public boolean bool(String name) {
        return ((JsonBoolean) present(name)).value();
    }

    public JsonArray list(String name) {
        return (JsonArray) present(name);
    }

    public JsonObject object(String name) {
        return (JsonObject) present(name);
    }

    public JsonObject object(String name, JsonObject fallback) {
        return has(name) ? object(name) : fallback;
    }

    private JsonValue present(String name) {
        JsonValue value = values.get(name);
        if (value instanceof JsonNull && !values.has(name)) {
            throw new IllegalStateException("input '" + name + "' was not given; the card must declare it required");
        }
        return value;
    }
}
