package io.flowgate.domain.policy;

import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.SecretHash;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.policy.AuthorizationDecision.Deny;
import io.flowgate.domain.policy.AuthorizationDecision.DenialReason;
import io.flowgate.domain.policy.AuthorizationDecision.Permit;
import io.flowgate.domain.policy.InvocationCredential.PresentedClientToken;
import io.flowgate.domain.policy.InvocationCredential.VerifiedBearer;
import io.flowgate.domain.scope.Scope;
import java.util.Objects;
import java.util.Set;

/** Who may invoke a flow's endpoint: OAuth 2.0 for any app or a list of apps, a client token, or anyone. */
public sealed interface EndpointSecurityPolicy {

    /** The most apps one endpoint can list; a longer list is a sign the policy should be ANY. */
    int MAX_ALLOWED_APPS = 100;

    SecurityLevel level();

    AuthorizationDecision authorize(InvocationCredential credential);

    /** Every app of the org that holds the invoke scope. */
    record OAuth2AnyApp() implements EndpointSecurityPolicy {
        @Override
        public SecurityLevel level() {
            return SecurityLevel.OAUTH2;
        }

        @Override
        public AuthorizationDecision authorize(InvocationCredential credential) {
            return authorizeBearer(credential, null);
        }
    }

    /** Only the listed apps, and only while they hold the invoke scope. */
    record OAuth2SelectedApps(Set<AppId> allowedApps) implements EndpointSecurityPolicy {
        public OAuth2SelectedApps {
            allowedApps = Set.copyOf(allowedApps);
            if (allowedApps.isEmpty()) {
                throw new InvalidValue("allowedApps", "allowedApps must list at least one app, or be \"ANY\"");
            }
            if (allowedApps.size() > MAX_ALLOWED_APPS) {
                throw new InvalidValue("allowedApps", "allowedApps may list at most " + MAX_ALLOWED_APPS + " apps");
            }
        }

        @Override
        public SecurityLevel level() {
            return SecurityLevel.OAUTH2;
        }

        @Override
        public AuthorizationDecision authorize(InvocationCredential credential) {
            return authorizeBearer(credential, allowedApps);
        }
    }

    /** A shared secret sent as a header or query parameter; only its hash is kept. */
    record ClientToken(SecretHash tokenHash) implements EndpointSecurityPolicy {
        public ClientToken {
            Objects.requireNonNull(tokenHash);
        }

        @Override
        public SecurityLevel level() {
            return SecurityLevel.CLIENT_TOKEN;
        }

        @Override
        public AuthorizationDecision authorize(InvocationCredential credential) {
            if (!(credential instanceof PresentedClientToken presented)) {
                return new Deny(DenialReason.CREDENTIAL_MISSING);
            }
            return tokenHash.matches(presented.tokenHash()) ? new Permit() : new Deny(DenialReason.CLIENT_TOKEN_MISMATCH);
        }
    }

    record Public() implements EndpointSecurityPolicy {
        @Override
        public SecurityLevel level() {
            return SecurityLevel.PUBLIC;
        }

        @Override
        public AuthorizationDecision authorize(InvocationCredential credential) {
            return new Permit();
        }
    }

    /** The scope check comes before the list check, so a listed app without the scope learns what it lacks. */
    private static AuthorizationDecision authorizeBearer(InvocationCredential credential, Set<AppId> allowedOrAny) {
        if (!(credential instanceof VerifiedBearer bearer)) {
            return new Deny(DenialReason.CREDENTIAL_MISSING);
        }
        if (!bearer.scopes().contains(Scope.INVOKE_FLOWS)) {
            return new Deny(DenialReason.INSUFFICIENT_SCOPE);
        }
        if (allowedOrAny != null && !allowedOrAny.contains(bearer.clientId())) {
            return new Deny(DenialReason.APP_NOT_ALLOWED);
        }
        return new Permit();
    }
}
