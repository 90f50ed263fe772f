package io.flowgate.domain.flow.language.json;

/**
 * An immutable JSON value. Numbers are exact decimals, objects keep their members' insertion order.
 * Lists and objects are at most {@link #MAX_DEPTH} levels deep, so every walk over a value is bounded.
 */
public sealed interface JsonValue permits JsonNull, JsonBoolean, JsonNumber, JsonString, JsonArray, JsonObject {

    /** Deep enough for any request body the parser accepts ({@link JsonParser#DEFAULT_MAX_DEPTH}) plus wrapping. */
    int MAX_DEPTH = 128;

    /** 0 for a scalar; 1 plus the depth of the deepest item for a list or an object. */
    default int depth() {
        return 0;
    }

    /** The name users see in messages: null, boolean, number, text, list or object. */
    String typeName();
}
