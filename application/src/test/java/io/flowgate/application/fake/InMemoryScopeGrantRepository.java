package io.flowgate.application.fake;

import io.flowgate.application.port.out.ScopeGrantRepository;
import io.flowgate.domain.Conflict;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.scope.ScopeGrant;
import io.flowgate.domain.scope.ScopeGrantId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Of what the database's foreign key to the app does, it knows the apps removed through
 * {@link InMemoryAppRepository}: their grants go with them, and nothing can be granted to them.
 */
public final class InMemoryScopeGrantRepository implements ScopeGrantRepository {

    private final ConcurrentSkipListMap<String, ScopeGrant> byId = new ConcurrentSkipListMap<>();
    private final Set<AppId> removedApps = new HashSet<>();

    @Override
    public synchronized void add(ScopeGrant grant) {
        if (removedApps.contains(grant.appId())) {
            throw new NotFound("no app " + grant.appId());
        }
        if (byId.values().stream().anyMatch(existing ->
                existing.appId().equals(grant.appId()) && existing.scope().equals(grant.scope()))) {
            throw new Conflict("app " + grant.appId() + " already holds scope " + grant.scope());
        }
        byId.put(grant.id().value(), grant);
    }

    @Override
    public Optional<ScopeGrant> find(OrgId orgId, ScopeGrantId id) {
        return Optional.ofNullable(byId.get(id.value())).filter(grant -> grant.orgId().equals(orgId));
    }

    @Override
    public List<ScopeGrant> listForApp(OrgId orgId, AppId appId) {
        return byId.values().stream()
                .filter(grant -> grant.orgId().equals(orgId) && grant.appId().equals(appId))
                .toList();
    }

    @Override
    public synchronized boolean remove(OrgId orgId, ScopeGrantId id) {
        ScopeGrant grant = byId.get(id.value());
        return grant != null && grant.orgId().equals(orgId) && byId.remove(id.value(), grant);
    }

    synchronized void removeAllOf(AppId appId) {
        removedApps.add(appId);
        byId.values().removeIf(grant -> grant.appId().equals(appId));
    }
}
