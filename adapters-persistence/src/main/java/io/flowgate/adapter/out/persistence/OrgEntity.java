package io.flowgate.adapter.out.persistence;

import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "orgs")
class OrgEntity {

    @Id
    String id;

    @Column(nullable = false)
    String slug;

    @Column(nullable = false)
    String name;

    @Column(nullable = false)
    Instant created;

    static OrgEntity from(Org org) {
        OrgEntity entity = new OrgEntity();
        entity.id = org.id().value();
        entity.slug = org.slug().value();
        entity.name = org.name();
        entity.created = org.created();
        return entity;
    }

    Org toDomain() {
        return Org.restore(new OrgId(id), new OrgSlug(slug), name, created);
    }
}
