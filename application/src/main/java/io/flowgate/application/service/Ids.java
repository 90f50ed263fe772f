package io.flowgate.application.service;

import io.flowgate.domain.InvalidValue;
import java.util.Optional;
import java.util.function.Supplier;

/** Reading a reference that may or may not be a well-formed id or alias: malformed simply names nothing. */
final class Ids {

    private Ids() {
    }

    static <T> Optional<T> parse(Supplier<T> constructor) {
        try {
            return Optional.of(constructor.get());
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }
}
