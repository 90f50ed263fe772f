package io.flowgate.domain;

/** A value breaks an invariant. {@code field} names the input it came from, for a JSON pointer. */
public final class InvalidValue extends DomainException {

    private final String field;

    public InvalidValue(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
