package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.AppKeyRepository;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.key.AppCredentials;
import io.flowgate.domain.key.AppKey;
import io.flowgate.domain.key.AppKeyId;
import io.flowgate.domain.org.OrgId;
import java.util.Map;
import java.util.Optional;

/**
 * The unique key (app, kid) keeps a kid unique within its app on every node; the foreign key to
 * (org, app) keeps a key from naming an app of another org, or one being deleted at that moment.
 */
public final class JpaAppKeyRepository implements AppKeyRepository {

    private final JpaUnitOfWork unitOfWork;

    public JpaAppKeyRepository(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public AppCredentials credentialsOf(OrgId orgId, AppId appId) {
        return unitOfWork.read(orgId, new CredentialsOf(appId), () -> new AppCredentials(appId, unitOfWork.entityManager()
                .createQuery("from AppKeyEntity where orgId = :org and appId = :app order by id", AppKeyEntity.class)
                .setParameter("org", orgId.value())
                .setParameter("app", appId.value())
                .getResultStream()
                .map(AppKeyEntity::toDomain)
                .toList()));
    }

    /** The cache key of an app's credentials (an {@link AppId} alone is the app's own entry). */
    private record CredentialsOf(AppId appId) {
    }

    @Override
    public void add(AppKey key) {
        unitOfWork.changed(key.orgId());
        ConstraintViolations.persist(unitOfWork.entityManager(), AppKeyEntity.from(key),
                Map.of("app_keys_app_id_kid_key", "app " + key.appId() + " already has a key with kid " + key.kid()),
                Map.of("app_keys_app_fkey", "no app " + key.appId()));
    }

    @Override
    public void update(AppKey key) {
        unitOfWork.changed(key.orgId());
        AppKeyEntity entity = Optional.ofNullable(unitOfWork.entityManager().find(AppKeyEntity.class, key.id().value()))
                .filter(found -> found.orgId.equals(key.orgId().value()))
                .orElseThrow(() -> new IllegalStateException("key " + key.id() + " was never added"));
        entity.copyChangeableFields(key);
    }

    @Override
    public boolean remove(OrgId orgId, AppKeyId id) {
        unitOfWork.changed(orgId);
        return unitOfWork.entityManager()
                .createQuery("delete from AppKeyEntity where orgId = :org and id = :id")
                .setParameter("org", orgId.value())
                .setParameter("id", id.value())
                .executeUpdate() == 1;
    }
}
