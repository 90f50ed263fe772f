package io.flowgate.adapter.in.rest;

import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.NotFound;
import java.util.function.Function;

/** An id in a URL that is not even well formed names nothing: 404, like any unknown id. */
final class PathIds {

    private PathIds() {
    }

    static <T> T parse(String raw, Function<String, T> constructor) {
        try {
            return constructor.apply(raw);
        } catch (InvalidValue e) {
            throw new NotFound("nothing exists with that id");
        }
    }
}
