package io.flowgate.domain.flow.language.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A JSON object whose members keep their insertion order. Equality ignores the order, as JSON's does. */
public final class JsonObject implements JsonValue {

    private static final JsonObject EMPTY = new JsonObject(Map.of(), 1);

    private final Map<String, JsonValue> members;
    private final int depth;

    private JsonObject(Map<String, JsonValue> members, int depth) {
        this.members = members;
        this.depth = depth;
    }

    public static JsonObject empty() {
        return EMPTY;
    }

    public static JsonObject of(Map<String, ? extends JsonValue> members) {
        Builder builder = new Builder();
        members.forEach(builder::put);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, JsonValue> members() {
        return members;
    }

    public Set<String> keys() {
        return members.keySet();
    }

    public int size() {
        return members.size();
    }

    public boolean has(String key) {
        return members.containsKey(key);
    }

    /** The member's value, or JSON null when there is no such member. */
    public JsonValue get(String key) {
        return members.getOrDefault(key, JsonNull.INSTANCE);
    }

    /** A new object with {@code key} set to {@code value}: replaced in place if present, else added at the end. */
    public JsonObject with(String key, JsonValue value) {
        Builder builder = new Builder();
        members.forEach(builder::put);
        return builder.put(key, value).build();
    }

    @Override
    public int depth() {
        return depth;
    }

    @Override
    public String typeName() {
        return "object";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonObject object && members.equals(object.members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return JsonWriter.compact(this);
    }

    /** Collects members without copying them again at the end. A key put twice keeps its first position. */
    public static final class Builder {

        private Map<String, JsonValue> members = new LinkedHashMap<>();
        private int depth = 1;

        private Builder() {
        }

        public Builder put(String key, JsonValue value) {
            if (members == null) {
                throw new IllegalStateException("already built");
            }
            Objects.requireNonNull(key);
            Objects.requireNonNull(value);
            if (value.depth() >= depth) {
                depth = value.depth() + 1;
                if (depth > MAX_DEPTH) {
                    throw new JsonTooDeep();
                }
            }
            members.put(key, value);
            return this;
        }

        public boolean has(String key) {
            return members.containsKey(key);
        }

        public JsonObject build() {
            JsonObject object = new JsonObject(Collections.unmodifiableMap(members), depth);
            members = null;
            return object;
        }
    }
}
