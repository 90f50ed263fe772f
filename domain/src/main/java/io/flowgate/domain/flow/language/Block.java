package io.flowgate.domain.flow.language;

import java.util.Objects;

/**
 * A list of steps a card runs itself, written beside {@code in}: {@code then}, {@code else}, {@code do}.
 *
 * @param required    the list must be present and not empty
 * @param bindsStepId inside the list, the step's own id reads as {@code {item, index}} ({@code flow.for_each})
 */
public record Block(String name, boolean required, boolean bindsStepId) {

    public Block {
        Objects.requireNonNull(name);
    }
}
