package io.flowgate.domain;

/**
 * The closed family of business errors. Adapters map each kind to one HTTP status in one place;
 * nothing else is thrown across a port for a rule violation.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, Conflict, InvalidValue {

    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
