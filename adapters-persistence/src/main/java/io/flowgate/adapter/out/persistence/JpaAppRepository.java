package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.AppRepository;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.app.App;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.OrgId;
import java.util.List;
import java.util.Optional;

public final class JpaAppRepository implements AppRepository {

    private final JpaUnitOfWork unitOfWork;

    public JpaAppRepository(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void add(App app) {
        unitOfWork.changed(app.orgId());
        unitOfWork.entityManager().persist(AppEntity.from(app));
    }

    @Override
    public void update(App app) {
        unitOfWork.changed(app.orgId());
        AppEntity entity = findEntity(app.orgId(), app.id())
                .orElseThrow(() -> new IllegalStateException("app " + app.id() + " was never added"));
        entity.copyChangeableFields(app);
    }

    @Override
    public Optional<App> find(OrgId orgId, AppId id) {
        return unitOfWork.read(orgId, id, () -> findEntity(orgId, id).map(AppEntity::toDomain));
    }

    @Override
    public List<App> list(OrgId orgId, PageRequest page) {
        return unitOfWork.entityManager()
                .createQuery("from AppEntity where orgId = :org and id > :after order by id", AppEntity.class)
                .setParameter("org", orgId.value())
                .setParameter("after", page.after().orElse(""))
                .setMaxResults(page.limit())
                .getResultStream()
                .map(AppEntity::toDomain)
                .toList();
    }

    /** The schema's foreign keys delete the app's keys and grants with it. */
    @Override
    public boolean remove(OrgId orgId, AppId id) {
        unitOfWork.changed(orgId);
        return unitOfWork.entityManager()
                .createQuery("delete from AppEntity where orgId = :org and id = :id")
                .setParameter("org", orgId.value())
                .setParameter("id", id.value())
                .executeUpdate() == 1;
    }

    private Optional<AppEntity> findEntity(OrgId orgId, AppId id) {
        return Optional.ofNullable(unitOfWork.entityManager().find(AppEntity.class, id.value()))
                .filter(entity -> entity.orgId.equals(orgId.value()));
    }
}
