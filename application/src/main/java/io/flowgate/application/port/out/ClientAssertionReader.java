package io.flowgate.application.port.out;

import io.flowgate.domain.key.AppKey;
import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.Kid;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and verifies the JWS a client authenticates with ({@code private_key_jwt}, RFC 7523). The
 * service applies the rules on the claims; this port knows the JOSE format and the cryptography.
 */
public interface ClientAssertionReader {

    /**
     * Parses a compact JWS and its claims without trusting them: refuses JWE and unsecured JWTs, an
     * {@code alg} outside {@link JwsAlgorithm}, an unknown {@code crit} header, and claims of the
     * wrong type. Key-locating headers ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) are ignored.
     *
     * @throws Unreadable with a description fit for the client (it never echoes the input)
     */
    ClientAssertion read(String compactJws);

    /** Whether the assertion's signature verifies with the key, and its {@code alg} fits the key. */
    boolean signatureVerifies(ClientAssertion assertion, AppKey key);

    /** The claims and header of an assertion that is well-formed; nothing in it is verified yet. */
    record ClientAssertion(String compactJws, JwsAlgorithm algorithm, Optional<Kid> kid, Optional<String> issuer,
                           Optional<String> subject, List<String> audience, Optional<Instant> expiresAt,
                           Optional<Instant> issuedAt, Optional<Instant> notBefore, Optional<String> jwtId) {

        public ClientAssertion {
            Objects.requireNonNull(compactJws);
            Objects.requireNonNull(algorithm);
            audience = List.copyOf(audience);
        }
    }

    /** The text is not an acceptable JWS; the message says why, for {@code error_description}. */
    final class Unreadable extends RuntimeException {
        public Unreadable(String description) {
            super(description, null, false, false);
        }
    }
}
