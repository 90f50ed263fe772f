package io.flowgate.application.port.in;

import io.flowgate.domain.app.AppId;
import io.flowgate.domain.scope.Scope;
import io.flowgate.domain.scope.ScopeGrant;
import io.flowgate.domain.scope.ScopeGrantId;
import io.flowgate.domain.scope.ScopeName;
import java.util.List;

/** The scope catalog, and which scopes each app of the org may request. */
public interface ManageGrantsUseCase {

    List<Scope> listScopes();

    /**
     * @throws io.flowgate.domain.InvalidValue for a scope not in the catalog
     * @throws io.flowgate.domain.Conflict when the app already holds the scope
     */
    ScopeGrant grantScope(AdminContext admin, AppId appId, ScopeName scope);

    List<ScopeGrant> listGrants(AdminContext admin, AppId appId);

    ScopeGrant getGrant(AdminContext admin, AppId appId, ScopeGrantId grantId);

    void revokeGrant(AdminContext admin, AppId appId, ScopeGrantId grantId);
}
