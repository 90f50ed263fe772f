package io.flowgate.application.port.out;

import io.flowgate.domain.app.App;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.OrgId;
import java.util.List;
import java.util.Optional;

public interface AppRepository {

    void add(App app);

    void update(App app);

    /** An app of another org is not found: ids never cross orgs. */
    Optional<App> find(OrgId orgId, AppId id);

    List<App> list(OrgId orgId, PageRequest page);

    /** Removes the app with its keys and grants. */
    boolean remove(OrgId orgId, AppId id);
}
