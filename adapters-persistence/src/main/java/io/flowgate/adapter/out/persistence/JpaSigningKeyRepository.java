package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.SigningKeyRepository;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.key.SigningKey;
import io.flowgate.domain.org.OrgId;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class JpaSigningKeyRepository implements SigningKeyRepository {

    private final JpaUnitOfWork unitOfWork;

    public JpaSigningKeyRepository(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void add(SigningKey key) {
        unitOfWork.changed(key.orgId());
        ConstraintViolations.persist(unitOfWork.entityManager(), SigningKeyEntity.from(key), Map.of(
                "signing_keys_one_active_per_org", "org " + key.orgId() + " already has an ACTIVE signing key",
                "signing_keys_org_id_kid_key", "org " + key.orgId() + " already has a signing key with kid " + key.kid()));
    }

    @Override
    public void update(SigningKey key) {
        unitOfWork.changed(key.orgId());
        EntityManager entityManager = unitOfWork.entityManager();
        SigningKeyEntity entity = entityManager.find(SigningKeyEntity.class, key.id().value());
        if (entity == null || !entity.orgId.equals(key.orgId().value())) {
            throw new NotFound("no signing key " + key.id() + " in org " + key.orgId());
        }
        entity.copyStateOf(key);
        // Written now, not at commit: Hibernate flushes inserts before updates, so a rotation's new
        // ACTIVE key would otherwise reach the one-active-per-org index before the old key left it.
        entityManager.flush();
    }

    @Override
    public Optional<SigningKey> findActive(OrgId orgId) {
        return unitOfWork.read(orgId, Query.ACTIVE_SIGNING_KEY, () -> unitOfWork.entityManager()
                .createQuery("from SigningKeyEntity where orgId = :org and status = :active", SigningKeyEntity.class)
                .setParameter("org", orgId.value())
                .setParameter("active", SigningKey.Status.ACTIVE)
                .getResultStream()
                .findFirst()
                .map(SigningKeyEntity::toDomain));
    }

    @Override
    public List<SigningKey> listVerifying(OrgId orgId) {
        return unitOfWork.read(orgId, Query.VERIFYING_SIGNING_KEYS, () -> unitOfWork.entityManager()
                .createQuery("from SigningKeyEntity where orgId = :org and status <> :retired"
                        + " order by created desc, id desc", SigningKeyEntity.class)
                .setParameter("org", orgId.value())
                .setParameter("retired", SigningKey.Status.RETIRED)
                .getResultStream()
                .map(SigningKeyEntity::toDomain)
                .toList());
    }

    /** Cache keys of the org-wide queries. */
    private enum Query { ACTIVE_SIGNING_KEY, VERIFYING_SIGNING_KEYS }
}
