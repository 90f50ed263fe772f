package io.flowgate.adapter.out.persistence;

import io.flowgate.domain.flow.Flow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One version in a flow's history: written once, when the flow reaches it, and never changed. */
@Entity
@Table(name = "flow_versions")
@IdClass(FlowVersionEntity.Key.class)
class FlowVersionEntity {

    record Key(String flowId, int version) implements Serializable {
    }

    @Id
    @Column(name = "flow_id")
    String flowId;

    @Id
    int version;

    @Column(nullable = false)
    String name;

    @Column(nullable = false)
    String definition;

    @Column(nullable = false)
    Instant created;

    /** The flow's current version, made when it was last updated. */
    static FlowVersionEntity of(Flow flow) {
        FlowVersionEntity entity = new FlowVersionEntity();
        entity.flowId = flow.id().value();
        entity.version = flow.version();
        entity.name = flow.name();
        entity.definition = flow.definition().json();
        entity.created = flow.lastUpdated();
        return entity;
    }
}
