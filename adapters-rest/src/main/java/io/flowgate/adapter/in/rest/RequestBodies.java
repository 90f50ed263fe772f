package io.flowgate.adapter.in.rest;

import io.flowgate.domain.InvalidValue;

/** Checks shared by admin request bodies: the body is there, required fields are present. */
final class RequestBodies {

    private RequestBodies() {
    }

    static <T> T require(T body) {
        if (body == null) {
            throw new InvalidValue("", "the request needs a JSON object body");
        }
        return body;
    }

    static <T> T requireField(T value, String field) {
        if (value == null) {
            throw new InvalidValue(field, field + " is required");
        }
        return value;
    }
}
