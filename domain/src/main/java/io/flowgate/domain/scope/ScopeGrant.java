package io.flowgate.domain.scope;

import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import java.util.Objects;

/** The consent for one app to request one scope. Revoking the grant deletes it. */
public record ScopeGrant(ScopeGrantId id, OrgId orgId, AppId appId, ScopeName scope, Instant created) {

    public ScopeGrant {
        Objects.requireNonNull(id);
        Objects.requireNonNull(orgId);
        Objects.requireNonNull(appId);
        Objects.requireNonNull(scope);
        Objects.requireNonNull(created);
    }
}
