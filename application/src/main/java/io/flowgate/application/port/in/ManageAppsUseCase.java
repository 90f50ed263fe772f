package io.flowgate.application.port.in;

import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.app.App;
import io.flowgate.domain.app.AppId;
import java.util.List;

/** API service apps of the admin's org. An app of another org is {@link io.flowgate.domain.NotFound}. */
public interface ManageAppsUseCase {

    App registerApp(AdminContext admin, String label);

    List<App> listApps(AdminContext admin, PageRequest page);

    App getApp(AdminContext admin, AppId appId);

    App relabelApp(AdminContext admin, AppId appId, String label);

    App activateApp(AdminContext admin, AppId appId);

    App deactivateApp(AdminContext admin, AppId appId);

    /** @throws io.flowgate.domain.Conflict while the app is ACTIVE */
    void deleteApp(AdminContext admin, AppId appId);
}
