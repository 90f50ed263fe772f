package io.flowgate.domain;

/** The request is well formed but the current state forbids it (duplicate, wrong lifecycle state). */
public final class Conflict extends DomainException {

    public Conflict(String message) {
        super(message);
    }
}
