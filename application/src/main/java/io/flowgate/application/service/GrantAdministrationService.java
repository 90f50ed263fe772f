package io.flowgate.application.service;

import io.flowgate.application.port.in.AdminContext;
import io.flowgate.application.port.in.ManageGrantsUseCase;
import io.flowgate.application.port.out.AppRepository;
import io.flowgate.application.port.out.Clock;
import io.flowgate.application.port.out.IdGenerator;
import io.flowgate.application.port.out.ScopeGrantRepository;
import io.flowgate.application.port.out.ScopeRepository;
import io.flowgate.application.port.out.SystemLog;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.scope.Scope;
import io.flowgate.domain.scope.ScopeGrant;
import io.flowgate.domain.scope.ScopeGrantId;
import io.flowgate.domain.scope.ScopeName;
import java.util.List;

public final class GrantAdministrationService implements ManageGrantsUseCase {

    private final UnitOfWork unitOfWork;
    private final AppRepository apps;
    private final ScopeRepository scopes;
    private final ScopeGrantRepository grants;
    private final Clock clock;
    private final IdGenerator ids;
    private final AdminAudit audit;

    public GrantAdministrationService(UnitOfWork unitOfWork, AppRepository apps, ScopeRepository scopes,
                                      ScopeGrantRepository grants, SystemLog systemLog, Clock clock, IdGenerator ids) {
        this.unitOfWork = unitOfWork;
        this.apps = apps;
        this.scopes = scopes;
        this.grants = grants;
        this.clock = clock;
        this.ids = ids;
        this.audit = new AdminAudit(systemLog, clock, ids);
    }

    @Override
    public List<Scope> listScopes() {
        return unitOfWork.inTransaction(scopes::all);
    }

    @Override
    public ScopeGrant grantScope(AdminContext admin, AppId appId, ScopeName scope) {
        return unitOfWork.inTransaction(() -> {
            requireApp(admin, appId);
            if (scopes.find(scope).isEmpty()) {
                throw new InvalidValue("scopeId", "there is no scope " + scope + " in the catalog");
            }
            ScopeGrant grant = new ScopeGrant(new ScopeGrantId(ids.newId()), admin.orgId(), appId, scope, clock.now());
            grants.add(grant);
            audit.record(admin, "app.grant.created", target(appId, grant.id()) + " " + scope);
            return grant;
        });
    }

    @Override
    public List<ScopeGrant> listGrants(AdminContext admin, AppId appId) {
        return unitOfWork.inTransaction(() -> {
            requireApp(admin, appId);
            return grants.listForApp(admin.orgId(), appId);
        });
    }

    @Override
    public ScopeGrant getGrant(AdminContext admin, AppId appId, ScopeGrantId grantId) {
        return unitOfWork.inTransaction(() -> requireGrant(admin, appId, grantId));
    }

    @Override
    public void revokeGrant(AdminContext admin, AppId appId, ScopeGrantId grantId) {
        unitOfWork.run(() -> {
            ScopeGrant grant = requireGrant(admin, appId, grantId);
            grants.remove(admin.orgId(), grantId);
            audit.record(admin, "app.grant.deleted", target(appId, grantId) + " " + grant.scope());
        });
    }

    private void requireApp(AdminContext admin, AppId appId) {
        apps.find(admin.orgId(), appId).orElseThrow(() -> new NotFound("no app " + appId));
    }

    /** A grant is addressed under its app: another app's grant id is as unknown as a made-up one. */
    private ScopeGrant requireGrant(AdminContext admin, AppId appId, ScopeGrantId grantId) {
        return grants.find(admin.orgId(), grantId)
                .filter(grant -> grant.appId().equals(appId))
                .orElseThrow(() -> new NotFound("no grant " + grantId + " for app " + appId));
    }

    private static String target(AppId appId, ScopeGrantId grantId) {
        return "app:" + appId + "/grant:" + grantId;
    }
}
