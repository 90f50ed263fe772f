package io.flowgate.domain.flow.language;

import java.util.Objects;

/**
 * One problem in a definition.
 *
 * @param pointer RFC 6901 JSON pointer to the offending place, like {@code /steps/3/in/values/1}; empty for the whole
 */
public record DefinitionError(String pointer, String message) {

    public DefinitionError {
        Objects.requireNonNull(pointer);
        Objects.requireNonNull(message);
    }
}
