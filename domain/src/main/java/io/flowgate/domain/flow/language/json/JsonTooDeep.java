package io.flowgate.domain.flow.language.json;

/** A list or object would nest deeper than {@link JsonValue#MAX_DEPTH}. */
public final class JsonTooDeep extends RuntimeException {

    JsonTooDeep() {
        super("a value may nest lists and objects at most " + JsonValue.MAX_DEPTH + " levels deep", null, false, false);
    }
}
