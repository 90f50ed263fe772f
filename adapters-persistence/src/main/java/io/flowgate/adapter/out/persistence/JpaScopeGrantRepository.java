package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.ScopeGrantRepository;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.scope.ScopeGrant;
import io.flowgate.domain.scope.ScopeGrantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The unique key (app, scope) keeps an app from holding a scope twice on every node; the foreign key
 * to (org, app) keeps a grant from naming an app of another org, or one being deleted at that moment.
 */
public final class JpaScopeGrantRepository implements ScopeGrantRepository {

    private final JpaUnitOfWork unitOfWork;

    public JpaScopeGrantRepository(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void add(ScopeGrant grant) {
        unitOfWork.changed(grant.orgId());
        ConstraintViolations.persist(unitOfWork.entityManager(), ScopeGrantEntity.from(grant),
                Map.of("scope_grants_app_id_scope_key",
                        "app " + grant.appId() + " already holds scope " + grant.scope()),
                Map.of("scope_grants_app_fkey", "no app " + grant.appId()));
    }

    @Override
    public Optional<ScopeGrant> find(OrgId orgId, ScopeGrantId id) {
        return Optional.ofNullable(unitOfWork.entityManager().find(ScopeGrantEntity.class, id.value()))
                .filter(entity -> entity.orgId.equals(orgId.value()))
                .map(ScopeGrantEntity::toDomain);
    }

    @Override
    public List<ScopeGrant> listForApp(OrgId orgId, AppId appId) {
        return unitOfWork.read(orgId, new GrantsOf(appId), () -> unitOfWork.entityManager()
                .createQuery("from ScopeGrantEntity where orgId = :org and appId = :app order by id",
                        ScopeGrantEntity.class)
                .setParameter("org", orgId.value())
                .setParameter("app", appId.value())
                .getResultStream()
                .map(ScopeGrantEntity::toDomain)
                .toList());
    }

    /** The cache key of an app's grants. */
    private record GrantsOf(AppId appId) {
    }

    @Override
    public boolean remove(OrgId orgId, ScopeGrantId id) {
        unitOfWork.changed(orgId);
        return unitOfWork.entityManager()
                .createQuery("delete from ScopeGrantEntity where orgId = :org and id = :id")
                .setParameter("org", orgId.value())
                .setParameter("id", id.value())
                .executeUpdate() == 1;
    }
}
