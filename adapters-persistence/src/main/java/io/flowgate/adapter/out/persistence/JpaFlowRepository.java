package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.FlowRepository;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.flow.Flow;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.org.OrgId;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Flows with their endpoint settings; each version a flow reaches is also kept in its history. */
public final class JpaFlowRepository implements FlowRepository {

    private final JpaUnitOfWork unitOfWork;

    public JpaFlowRepository(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void add(Flow flow) {
        unitOfWork.changed(flow.orgId());
        EntityManager entityManager = unitOfWork.entityManager();
        entityManager.persist(FlowEntity.from(flow));
        entityManager.persist(FlowVersionEntity.of(flow));
    }

    @Override
    public void update(Flow flow) {
        unitOfWork.changed(flow.orgId());
        FlowEntity entity = entity(flow.orgId(), flow.id())
                .filter(found -> lockRow(found.id))
                .orElseThrow(() -> new NotFound("flow " + flow.id() + " not found"));
        boolean newVersion = entity.version != flow.version();
        entity.write(flow);
        if (newVersion) {
            // The use cases take turns on a flow, so each revision reaches the next version. A writer
            // that did not wait its turn meets the other at the history's primary key, and fails
            // instead of silently replacing the other's revision.
            ConstraintViolations.persist(unitOfWork.entityManager(), FlowVersionEntity.of(flow),
                    Map.of("flow_versions_pkey", "flow " + flow.id() + " was changed by someone else; "
                            + "load it again and retry"));
        }
    }

    @Override
    public Optional<Flow> find(OrgId orgId, FlowId id) {
        return unitOfWork.read(orgId, id, () -> entity(orgId, id).map(FlowEntity::toDomain));
    }

    @Override
    public List<Flow> list(OrgId orgId, PageRequest page) {
        return unitOfWork.entityManager()
                .createQuery("from FlowEntity where orgId = :org and id > :after order by id", FlowEntity.class)
                .setParameter("org", orgId.value())
                .setParameter("after", page.after().orElse(""))
                .setMaxResults(page.limit())
                .getResultStream()
                .map(FlowEntity::toDomain)
                .toList();
    }

    /** The flow's allowed apps, history and aliases go with it through the schema's cascades. */
    @Override
    public boolean remove(OrgId orgId, FlowId id) {
        unitOfWork.changed(orgId);
        return unitOfWork.entityManager()
                .createQuery("delete from FlowEntity where orgId = :org and id = :id")
                .setParameter("org", orgId.value())
                .setParameter("id", id.value())
                .executeUpdate() == 1;
    }

    /**
     * Whether the flow's row is still there, locked until the unit ends. The use case read the flow
     * earlier, and another may have deleted it since: writing to a row that is gone would fail at
     * flush with a stale update or a foreign key of its history or allowed apps, not as a NotFound.
     */
    private boolean lockRow(String id) {
        return !unitOfWork.entityManager()
                .createNativeQuery("select 1 from flows where id = :id for no key update")
                .setParameter("id", id)
                .getResultList()
                .isEmpty();
    }

    private Optional<FlowEntity> entity(OrgId orgId, FlowId id) {
        return Optional.ofNullable(unitOfWork.entityManager().find(FlowEntity.class, id.value()))
                .filter(entity -> entity.orgId.equals(orgId.value()));
    }
}
