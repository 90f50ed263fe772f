package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.AdminTokenRepository;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.SecretHash;
import io.flowgate.domain.org.AdminToken;
import io.flowgate.domain.org.AdminTokenId;
import io.flowgate.domain.org.OrgId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class JpaAdminTokenRepository implements AdminTokenRepository {

    private final JpaUnitOfWork unitOfWork;

    public JpaAdminTokenRepository(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void add(AdminToken token) {
        ConstraintViolations.persist(unitOfWork.entityManager(), AdminTokenEntity.from(token),
                Map.of("admin_tokens_token_hash_key", "that admin token already exists"));
    }

    @Override
    public Optional<AdminToken> findByHash(SecretHash hash) {
        return unitOfWork.entityManager()
                .createQuery("from AdminTokenEntity where tokenHash = :hash", AdminTokenEntity.class)
                .setParameter("hash", hash.value())
                .getResultStream()
                .findFirst()
                .map(AdminTokenEntity::toDomain);
    }

    @Override
    public List<AdminToken> list(OrgId orgId, PageRequest page) {
        return unitOfWork.entityManager()
                .createQuery("from AdminTokenEntity where orgId = :org and id > :after order by id",
                        AdminTokenEntity.class)
                .setParameter("org", orgId.value())
                .setParameter("after", page.after().orElse(""))
                .setMaxResults(page.limit())
                .getResultStream()
                .map(AdminTokenEntity::toDomain)
                .toList();
    }

    @Override
    public boolean remove(OrgId orgId, AdminTokenId id) {
        return unitOfWork.entityManager()
                .createQuery("delete from AdminTokenEntity where orgId = :org and id = :id")
                .setParameter("org", orgId.value())
                .setParameter("id", id.value())
                .executeUpdate() == 1;
    }
}
