package io.flowgate.adapter.in.rest;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;
import java.util.Optional;

/** The form body of an OAuth endpoint request, with the checks every endpoint makes on it. */
record OAuthForm(MultivaluedMap<String, String> fields, String authorization) {

    /** RFC 6749 §3.2: parameters must not be repeated; a repeated one is ambiguous, so refused. */
    boolean hasRepeatedParameter() {
        return fields.values().stream().anyMatch(values -> values.size() > 1);
    }

    /** Another client authentication besides the assertion: an Authorization header or a client secret. */
    boolean otherClientAuthentication() {
        return (authorization != null && !authorization.isBlank()) || fields.containsKey("client_secret");
    }

    Optional<String> field(String name) {
        return Optional.ofNullable(fields.getFirst(name));
    }

    static Map<String, String> repeatedParameterError() {
        return OAuthResource.body("invalid_request", "each parameter may be sent only once");
    }
}
