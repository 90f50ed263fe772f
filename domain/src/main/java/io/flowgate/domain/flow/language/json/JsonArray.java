package io.flowgate.domain.flow.language.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** A JSON array; users call it a list. */
public final class JsonArray implements JsonValue {

    private static final JsonArray EMPTY = new JsonArray(List.of(), 1);

    private final List<JsonValue> items;
    private final int depth;

    private JsonArray(List<JsonValue> items, int depth) {
        this.items = items;
        this.depth = depth;
    }

    public static JsonArray empty() {
        return EMPTY;
    }

    public static JsonArray of(JsonValue... items) {
        return of(List.of(items));
    }

    public static JsonArray of(List<? extends JsonValue> items) {
        Builder builder = new Builder(items.size());
        items.forEach(builder::add);
        return builder.build();
    }

    public static Builder builder() {
        return new Builder(8);
    }

    public List<JsonValue> items() {
        return items;
    }

    public int size() {
        return items.size();
    }

    public JsonValue get(int index) {
        return items.get(index);
    }

    /** A new list with {@code item} appended. */
    public JsonArray with(JsonValue item) {
        Builder builder = new Builder(items.size() + 1);
        items.forEach(builder::add);
        return builder.add(item).build();
    }

    /** A new list with the item at {@code index} (which must exist) replaced. */
    public JsonArray withItem(int index, JsonValue item) {
        Objects.checkIndex(index, items.size());
        Builder builder = new Builder(items.size());
        for (int i = 0; i < items.size(); i++) {
            builder.add(i == index ? item : items.get(i));
        }
        return builder.build();
    }

    @Override
    public int depth() {
        return depth;
    }

    @Override
    public String typeName() {
        return "list";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonArray array && items.equals(array.items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return JsonWriter.compact(this);
    }

    /** Collects items without copying them again at the end. */
    public static final class Builder {

        private List<JsonValue> items;
        private int depth = 1;

        private Builder(int capacity) {
            items = new ArrayList<>(capacity);
        }

        public Builder add(JsonValue item) {
            if (items == null) {
                throw new IllegalStateException("already built");
            }
            Objects.requireNonNull(item);
            if (item.depth() >= depth) {
                depth = item.depth() + 1;
                if (depth > MAX_DEPTH) {
                    throw new JsonTooDeep();
                }
            }
            items.add(item);
            return this;
        }

        public JsonArray build() {
            JsonArray array = new JsonArray(Collections.unmodifiableList(items), depth);
            items = null;
            return array;
        }
    }
}
