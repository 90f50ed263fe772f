package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.ExecutionRepository;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.execution.Execution;
import io.flowgate.domain.execution.ExecutionId;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.org.OrgId;
import java.util.List;
import java.util.Optional;

public final class JpaExecutionRepository implements ExecutionRepository {

    private final JpaUnitOfWork unitOfWork;

    public JpaExecutionRepository(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void add(Execution execution) {
        unitOfWork.entityManager().persist(ExecutionEntity.from(execution));
    }

    @Override
    public void update(Execution execution) {
        entity(execution.orgId(), execution.id())
                .orElseThrow(() -> new NotFound("execution " + execution.id() + " not found"))
                .write(execution);
    }

    @Override
    public Optional<Execution> find(OrgId orgId, ExecutionId id) {
        return entity(orgId, id).map(ExecutionEntity::toDomain);
    }

    @Override
    public List<Execution> listForFlow(OrgId orgId, FlowId flowId, PageRequest page) {
        return unitOfWork.entityManager()
                .createQuery("from ExecutionEntity where orgId = :org and flowId = :flow and id > :after order by id",
                        ExecutionEntity.class)
                .setParameter("org", orgId.value())
                .setParameter("flow", flowId.value())
                .setParameter("after", page.after().orElse(""))
                .setMaxResults(page.limit())
                .getResultStream()
                .map(ExecutionEntity::toDomain)
                .toList();
    }

    private Optional<ExecutionEntity> entity(OrgId orgId, ExecutionId id) {
        return Optional.ofNullable(unitOfWork.entityManager().find(ExecutionEntity.class, id.value()))
                .filter(entity -> entity.orgId.equals(orgId.value()));
    }
}
