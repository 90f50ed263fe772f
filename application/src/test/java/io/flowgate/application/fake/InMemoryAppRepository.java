package io.flowgate.application.fake;

import io.flowgate.application.port.out.AppRepository;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.app.App;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.OrgId;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Keeps copies, never the caller's object: an App is mutable, and a change that was not passed to
 * {@link #update} must not be stored, as with the real store.
 */
public final class InMemoryAppRepository implements AppRepository {

    private final ConcurrentSkipListMap<String, App> byId = new ConcurrentSkipListMap<>();
    private final InMemoryAppKeyRepository keys;
    private final InMemoryScopeGrantRepository grants;

    /** Removing an app removes its keys and grants from these, as the database cascades. */
    public InMemoryAppRepository(InMemoryAppKeyRepository keys, InMemoryScopeGrantRepository grants) {
        this.keys = keys;
        this.grants = grants;
    }

    @Override
    public void add(App app) {
        byId.put(app.id().value(), copy(app));
    }

    @Override
    public synchronized void update(App app) {
        App stored = byId.get(app.id().value());
        if (stored == null || !stored.orgId().equals(app.orgId())) {
            throw new IllegalStateException("app " + app.id() + " was never added");
        }
        byId.put(app.id().value(), copy(app));
    }

    @Override
    public Optional<App> find(OrgId orgId, AppId id) {
        return Optional.ofNullable(byId.get(id.value()))
                .filter(app -> app.orgId().equals(orgId))
                .map(InMemoryAppRepository::copy);
    }

    @Override
    public List<App> list(OrgId orgId, PageRequest page) {
        TreeMap<String, App> ofOrg = new TreeMap<>();
        byId.values().stream().filter(app -> app.orgId().equals(orgId))
                .forEach(app -> ofOrg.put(app.id().value(), app));
        return Pages.page(ofOrg, page).stream().map(InMemoryAppRepository::copy).toList();
    }

    @Override
    public synchronized boolean remove(OrgId orgId, AppId id) {
        App app = byId.get(id.value());
        if (app == null || !app.orgId().equals(orgId)) {
            return false;
        }
        byId.remove(id.value());
        keys.removeAllOf(id);
        grants.removeAllOf(id);
        return true;
    }

    private static App copy(App app) {
        return App.restore(app.id(), app.orgId(), app.label(), app.status(), app.created(), app.lastUpdated());
    }
}
