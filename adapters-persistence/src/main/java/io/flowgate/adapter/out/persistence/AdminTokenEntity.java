package io.flowgate.adapter.out.persistence;

import io.flowgate.domain.SecretHash;
import io.flowgate.domain.org.AdminToken;
import io.flowgate.domain.org.AdminTokenId;
import io.flowgate.domain.org.OrgId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "admin_tokens")
class AdminTokenEntity {

    @Id
    String id;

    @Column(name = "org_id", nullable = false)
    String orgId;

    @Column(nullable = false)
    String name;

    @Column(name = "token_hash", nullable = false)
    String tokenHash;

    @Column(nullable = false)
    Instant created;

    static AdminTokenEntity from(AdminToken token) {
        AdminTokenEntity entity = new AdminTokenEntity();
        entity.id = token.id().value();
        entity.orgId = token.orgId().value();
        entity.name = token.name();
        entity.tokenHash = token.tokenHash().value();
        entity.created = token.created();
        return entity;
    }

    AdminToken toDomain() {
        return AdminToken.restore(new AdminTokenId(id), new OrgId(orgId), name, new SecretHash(tokenHash), created);
    }
}
