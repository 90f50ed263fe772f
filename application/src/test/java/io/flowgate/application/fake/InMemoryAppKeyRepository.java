package io.flowgate.application.fake;

import io.flowgate.application.port.out.AppKeyRepository;
import io.flowgate.domain.Conflict;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.key.AppCredentials;
import io.flowgate.domain.key.AppKey;
import io.flowgate.domain.key.AppKeyId;
import io.flowgate.domain.org.OrgId;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Keeps copies of the mutable keys, so only {@link #update} stores a change, as with the real store.
 * Of what the database's foreign key to the app does, it knows the apps removed through
 * {@link InMemoryAppRepository}: their keys go with them, and no key can be added to them.
 */
public final class InMemoryAppKeyRepository implements AppKeyRepository {

    private final ConcurrentSkipListMap<String, AppKey> byId = new ConcurrentSkipListMap<>();
    private final Set<AppId> removedApps = new HashSet<>();

    @Override
    public AppCredentials credentialsOf(OrgId orgId, AppId appId) {
        return new AppCredentials(appId, byId.values().stream()
                .filter(key -> key.orgId().equals(orgId) && key.appId().equals(appId))
                .map(InMemoryAppKeyRepository::copy)
                .toList());
    }

    @Override
    public synchronized void add(AppKey key) {
        if (removedApps.contains(key.appId())) {
            throw new NotFound("no app " + key.appId());
        }
        if (byId.values().stream().anyMatch(existing ->
                existing.appId().equals(key.appId()) && existing.kid().equals(key.kid()))) {
            throw new Conflict("app " + key.appId() + " already has a key with kid " + key.kid());
        }
        byId.put(key.id().value(), copy(key));
    }

    @Override
    public synchronized void update(AppKey key) {
        AppKey stored = byId.get(key.id().value());
        if (stored == null || !stored.orgId().equals(key.orgId())) {
            throw new IllegalStateException("key " + key.id() + " was never added");
        }
        byId.put(key.id().value(), copy(key));
    }

    @Override
    public synchronized boolean remove(OrgId orgId, AppKeyId id) {
        AppKey key = byId.get(id.value());
        return key != null && key.orgId().equals(orgId) && byId.remove(id.value(), key);
    }

    synchronized void removeAllOf(AppId appId) {
        removedApps.add(appId);
        byId.values().removeIf(key -> key.appId().equals(appId));
    }

    private static AppKey copy(AppKey key) {
        return AppKey.restore(key.id(), key.orgId(), key.appId(), key.kid(), key.keyType(), key.algorithm(),
                key.publicJwk(), key.status(), key.created(), key.lastUpdated());
    }
}
