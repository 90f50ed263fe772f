package io.flowgate.adapter.out.persistence;

import io.flowgate.domain.flow.AliasBinding;
import io.flowgate.domain.flow.FlowAlias;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.org.OrgId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

@Entity
@Table(name = "flow_aliases")
@IdClass(FlowAliasEntity.Key.class)
class FlowAliasEntity {

    record Key(String orgId, String alias) implements Serializable {
    }

    @Id
    @Column(name = "org_id")
    String orgId;

    @Id
    String alias;

    @Column(name = "flow_id", nullable = false)
    String flowId;

    @Column(nullable = false)
    Instant created;

    static FlowAliasEntity from(AliasBinding binding) {
        FlowAliasEntity entity = new FlowAliasEntity();
        entity.orgId = binding.orgId().value();
        entity.alias = binding.alias().value();
        entity.flowId = binding.flowId().value();
        entity.created = binding.created();
        return entity;
    }

    AliasBinding toDomain() {
        return AliasBinding.restore(new OrgId(orgId), new FlowAlias(alias), new FlowId(flowId), created);
    }
}
