package io.flowgate.domain.execution;

import io.flowgate.domain.app.AppId;
import io.flowgate.domain.policy.SecurityLevel;
import io.flowgate.domain.scope.ScopeName;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Who ran a flow, as the flow sees it ({@code caller}): the client app, if any, its scopes, and how it got in. */
public record Caller(Optional<AppId> clientId, Set<ScopeName> scopes, SecurityLevel security) {

    public Caller {
        Objects.requireNonNull(clientId);
        scopes = Set.copyOf(scopes);
        Objects.requireNonNull(security);
    }

    public static Caller anonymous(SecurityLevel security) {
        return new Caller(Optional.empty(), Set.of(), security);
    }
}
