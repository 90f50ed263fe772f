package io.flowgate.application.service;

import io.flowgate.application.port.in.AdminContext;
import io.flowgate.application.port.in.ManageAppsUseCase;
import io.flowgate.application.port.out.AppRepository;
import io.flowgate.application.port.out.Clock;
import io.flowgate.application.port.out.IdGenerator;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.application.port.out.SystemLog;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.app.App;
import io.flowgate.domain.app.AppId;
import java.util.List;
import java.util.function.Consumer;

public final class AppAdministrationService implements ManageAppsUseCase {

    private final UnitOfWork unitOfWork;
    private final AppRepository apps;
    private final Clock clock;
    private final IdGenerator ids;
    private final AdminAudit audit;

    public AppAdministrationService(UnitOfWork unitOfWork, AppRepository apps, SystemLog systemLog, Clock clock,
                                    IdGenerator ids) {
        this.unitOfWork = unitOfWork;
        this.apps = apps;
        this.clock = clock;
        this.ids = ids;
        this.audit = new AdminAudit(systemLog, clock, ids);
    }

    @Override
    public App registerApp(AdminContext admin, String label) {
        return unitOfWork.inTransaction(() -> {
            App app = App.register(new AppId(ids.newId()), admin.orgId(), label, clock.now());
            apps.add(app);
            audit.record(admin, "app.created", target(app.id()));
            return app;
        });
    }

    @Override
    public List<App> listApps(AdminContext admin, PageRequest page) {
        return unitOfWork.inTransaction(() -> apps.list(admin.orgId(), page));
    }

    @Override
    public App getApp(AdminContext admin, AppId appId) {
        return unitOfWork.inTransaction(() -> require(admin, appId));
    }

    @Override
    public App relabelApp(AdminContext admin, AppId appId, String label) {
        return change(admin, appId, "app.updated", app -> app.relabel(label, clock.now()));
    }

    @Override
    public App activateApp(AdminContext admin, AppId appId) {
        return change(admin, appId, "app.activated", app -> app.activate(clock.now()));
    }

    @Override
    public App deactivateApp(AdminContext admin, AppId appId) {
        return change(admin, appId, "app.deactivated", app -> app.deactivate(clock.now()));
    }

    @Override
    public void deleteApp(AdminContext admin, AppId appId) {
        unitOfWork.run(() -> {
            AppLock.hold(unitOfWork, appId);
            require(admin, appId).ensureDeletable();
            apps.remove(admin.orgId(), appId);
            audit.record(admin, "app.deleted", target(appId));
        });
    }

    private App change(AdminContext admin, AppId appId, String eventType, Consumer<App> change) {
        return unitOfWork.inTransaction(() -> {
            AppLock.hold(unitOfWork, appId);
            App app = require(admin, appId);
            change.accept(app);
            apps.update(app);
            audit.record(admin, eventType, target(appId));
            return app;
        });
    }

    private App require(AdminContext admin, AppId appId) {
        return apps.find(admin.orgId(), appId).orElseThrow(() -> new NotFound("no app " + appId));
    }

    private static String target(AppId appId) {
        return "app:" + appId;
    }
}
