package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class JpaOrgRepository implements OrgRepository {

    private final JpaUnitOfWork unitOfWork;

    public JpaOrgRepository(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void add(Org org) {
        unitOfWork.changed(ReadCache.GLOBAL);
        ConstraintViolations.persist(unitOfWork.entityManager(), OrgEntity.from(org),
                Map.of("orgs_slug_key", "an org with slug " + org.slug() + " already exists"));
    }

    @Override
    public Optional<Org> findById(OrgId id) {
        return Optional.ofNullable(unitOfWork.entityManager().find(OrgEntity.class, id.value()))
                .map(OrgEntity::toDomain);
    }

    @Override
    public Optional<Org> findBySlug(OrgSlug slug) {
        return unitOfWork.read(ReadCache.GLOBAL, slug, () -> unitOfWork.entityManager()
                .createQuery("from OrgEntity where slug = :slug", OrgEntity.class)
                .setParameter("slug", slug.value())
                .getResultStream()
                .findFirst()
                .map(OrgEntity::toDomain));
    }

    @Override
    public List<Org> list(PageRequest page) {
        return unitOfWork.entityManager()
                .createQuery("from OrgEntity where id > :after order by id", OrgEntity.class)
                .setParameter("after", page.after().orElse(""))
                .setMaxResults(page.limit())
                .getResultStream()
                .map(OrgEntity::toDomain)
                .toList();
    }
}
