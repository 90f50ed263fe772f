package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.FlowAliasRepository;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.flow.AliasBinding;
import io.flowgate.domain.flow.FlowAlias;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.org.OrgId;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The primary key (org, alias) keeps an alias unique in its org on every node; the foreign key
 * to (org, flow) keeps a binding from naming a flow of another org, or one just deleted.
 */
public final class JpaFlowAliasRepository implements FlowAliasRepository {

    private static final String FLOW_KEY = "flow_aliases_flow_fkey";

    private final JpaUnitOfWork unitOfWork;

    public JpaFlowAliasRepository(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void add(AliasBinding binding) {
        unitOfWork.changed(binding.orgId());
        ConstraintViolations.persist(unitOfWork.entityManager(), FlowAliasEntity.from(binding), Map.of(
                "flow_aliases_pkey", "alias " + binding.alias() + " is already bound in this org",
                FLOW_KEY, noSuchFlow(binding)));
    }

    @Override
    public void update(AliasBinding binding) {
        unitOfWork.changed(binding.orgId());
        EntityManager entityManager = unitOfWork.entityManager();
        FlowAliasEntity entity = entityManager.find(FlowAliasEntity.class, key(binding.orgId(), binding.alias()));
        if (entity == null || !lockRow(binding)) {
            throw new NotFound("alias " + binding.alias() + " not found");
        }
        entity.flowId = binding.flowId().value();
        // Flushed now, so that a missing target flow surfaces here as a Conflict and not at commit.
        ConstraintViolations.flush(entityManager, Map.of(FLOW_KEY, noSuchFlow(binding)));
    }

    @Override
    public Optional<AliasBinding> find(OrgId orgId, FlowAlias alias) {
        return unitOfWork.read(orgId, alias, () -> Optional.ofNullable(
                        unitOfWork.entityManager().find(FlowAliasEntity.class, key(orgId, alias)))
                .map(FlowAliasEntity::toDomain));
    }

    @Override
    public List<AliasBinding> listForFlow(OrgId orgId, FlowId flowId) {
        return unitOfWork.entityManager()
                .createQuery("from FlowAliasEntity where orgId = :org and flowId = :flow order by created, alias",
                        FlowAliasEntity.class)
                .setParameter("org", orgId.value())
                .setParameter("flow", flowId.value())
                .getResultStream()
                .map(FlowAliasEntity::toDomain)
                .toList();
    }

    @Override
    public boolean remove(OrgId orgId, FlowAlias alias) {
        unitOfWork.changed(orgId);
        return unitOfWork.entityManager()
                .createQuery("delete from FlowAliasEntity where orgId = :org and alias = :alias")
                .setParameter("org", orgId.value())
                .setParameter("alias", alias.value())
                .executeUpdate() == 1;
    }

    /**
     * Whether the alias's row is still there, locked until the unit ends. The use case read the
     * binding earlier, and another may have removed it since (or deleted its flow, which takes it
     * along): an update of a row that is gone would fail at flush as a stale update, not a NotFound.
     */
    private boolean lockRow(AliasBinding binding) {
        return !unitOfWork.entityManager()
                .createNativeQuery("select 1 from flow_aliases where org_id = :org and alias = :alias for no key update")
                .setParameter("org", binding.orgId().value())
                .setParameter("alias", binding.alias().value())
                .getResultList()
                .isEmpty();
    }

    private static FlowAliasEntity.Key key(OrgId orgId, FlowAlias alias) {
        return new FlowAliasEntity.Key(orgId.value(), alias.value());
    }

    private static String noSuchFlow(AliasBinding binding) {
        return "flow " + binding.flowId() + " does not exist in this org";
    }
}
