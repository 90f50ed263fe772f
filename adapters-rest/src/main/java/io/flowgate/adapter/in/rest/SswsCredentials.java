package io.flowgate.adapter.in.rest;

import java.util.Optional;

/** Reads an {@code Authorization: SSWS <token>} header, the admin API's scheme (as Okta's). */
final class SswsCredentials {

    private static final String SCHEME = "SSWS ";

    private SswsCredentials() {
    }

    static Optional<String> token(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(SCHEME.length()).strip());
    }
}
