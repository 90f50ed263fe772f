package io.flowgate.application.port.out;

import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.scope.ScopeGrant;
import io.flowgate.domain.scope.ScopeGrantId;
import java.util.List;
import java.util.Optional;

public interface ScopeGrantRepository {

    /**
     * @throws io.flowgate.domain.Conflict when the app already holds that scope
     * @throws io.flowgate.domain.NotFound when the app is not there (checked by the store: it may have
     *                                     been deleted since the caller looked)
     */
    void add(ScopeGrant grant);

    Optional<ScopeGrant> find(OrgId orgId, ScopeGrantId id);

    /** The app's grants in id order. */
    List<ScopeGrant> listForApp(OrgId orgId, AppId appId);

    boolean remove(OrgId orgId, ScopeGrantId id);
}
