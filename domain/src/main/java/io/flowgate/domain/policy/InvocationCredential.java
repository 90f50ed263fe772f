package io.flowgate.domain.policy;

import io.flowgate.domain.SecretHash;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.scope.ScopeName;
import java.util.Objects;
import java.util.Set;

/**
 * What a caller presented, after the adapters checked its form: a bearer token already verified
 * (signature, issuer, audience, expiry, revocation, app still active), a client token reduced to
 * its hash, or nothing.
 */
public sealed interface InvocationCredential {

    record None() implements InvocationCredential {
    }

    record VerifiedBearer(AppId clientId, Set<ScopeName> scopes) implements InvocationCredential {
        public VerifiedBearer {
            Objects.requireNonNull(clientId);
            scopes = Set.copyOf(scopes);
        }
    }

    record PresentedClientToken(SecretHash tokenHash) implements InvocationCredential {
        public PresentedClientToken {
            Objects.requireNonNull(tokenHash);
        }
    }
}
