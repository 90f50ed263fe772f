package io.flowgate.domain.flow.language;

import java.util.List;
import java.util.Objects;

/** The result of checking a definition: a program to run, or every problem found. */
public sealed interface ParsedDefinition {

    record Valid(FlowProgram program) implements ParsedDefinition {
        public Valid {
            Objects.requireNonNull(program);
        }
    }

    record Invalid(List<DefinitionError> errors) implements ParsedDefinition {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid definition has at least one error");
            }
        }
    }
}
