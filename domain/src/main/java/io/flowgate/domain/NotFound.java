package io.flowgate.domain;

/** The thing asked for does not exist in the caller's org (or exists only in another one). */
public final class NotFound extends DomainException {

    public NotFound(String message) {
        super(message);
    }
}
