package io.flowgate.domain;

import java.util.List;
import java.util.Objects;

/**
 * Input breaks an invariant. Each violation names the input it came from ({@code field}, a JSON
 * pointer without its leading slash) so a client can show the message in place.
 */
public final class InvalidValue extends DomainException {

    public record Violation(String field, String message) {
        public Violation {
            Objects.requireNonNull(field);
            Objects.requireNonNull(message);
        }
    }

    private final List<Violation> violations;

    public InvalidValue(String field, String message) {
        super(message);
        this.violations = List.of(new Violation(field, message));
    }

    /** Several problems at once, e.g. every error of a flow definition; the first one is the message. */
    public InvalidValue(List<Violation> violations) {
        super(violations.isEmpty() ? "invalid input" : violations.get(0).message()
                + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an InvalidValue needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    /** The first violation's field. */
    public String field() {
        return violations.get(0).field();
    }

    public List<Violation> violations() {
        return violations;
    }
}
