package io.flowgate.domain.policy;

import java.util.Objects;

/** The outcome of an endpoint security policy: a denial is a value that carries its reason. */
public sealed interface AuthorizationDecision {

    enum DenialReason {
        /** No credential of the kind the endpoint requires (401). */
        CREDENTIAL_MISSING,
        /** A client token that does not match the flow's (401). */
        CLIENT_TOKEN_MISMATCH,
        /** A valid token without the invoke scope (403 insufficient_scope). */
        INSUFFICIENT_SCOPE,
        /** A valid token of an app the endpoint does not list (403). */
        APP_NOT_ALLOWED
    }

    record Permit() implements AuthorizationDecision {
    }

    record Deny(DenialReason reason) implements AuthorizationDecision {
        public Deny {
            Objects.requireNonNull(reason);
        }
    }

    default boolean permitted() {
        return this instanceof Permit;
    }
}
