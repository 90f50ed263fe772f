package io.flowgate.adapter.out.persistence;

import io.flowgate.domain.app.AppId;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.scope.ScopeGrant;
import io.flowgate.domain.scope.ScopeGrantId;
import io.flowgate.domain.scope.ScopeName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "scope_grants")
class ScopeGrantEntity {

    @Id
    String id;

    @Column(name = "org_id", nullable = false)
    String orgId;

    @Column(name = "app_id", nullable = false)
    String appId;

    @Column(nullable = false)
    String scope;

    @Column(nullable = false)
    Instant created;

    static ScopeGrantEntity from(ScopeGrant grant) {
        ScopeGrantEntity entity = new ScopeGrantEntity();
        entity.id = grant.id().value();
        entity.orgId = grant.orgId().value();
        entity.appId = grant.appId().value();
        entity.scope = grant.scope().value();
        entity.created = grant.created();
        return entity;
    }

    ScopeGrant toDomain() {
        return new ScopeGrant(new ScopeGrantId(id), new OrgId(orgId), new AppId(appId), new ScopeName(scope), created);
    }
}
