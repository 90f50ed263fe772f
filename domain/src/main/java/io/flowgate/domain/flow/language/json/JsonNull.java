package io.flowgate.domain.flow.language.json;

/** JSON {@code null}; also what a missing path reads as. */
public enum JsonNull implements JsonValue {
    INSTANCE;

    @Override
    public String typeName() {
        return "null";
    }

    @Override
    public String toString() {
        return "null";
    }
}
