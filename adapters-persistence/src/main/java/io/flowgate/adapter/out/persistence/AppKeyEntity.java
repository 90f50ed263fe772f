package io.flowgate.adapter.out.persistence;

import io.flowgate.domain.LifecycleStatus;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.key.AppKey;
import io.flowgate.domain.key.AppKeyId;
import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.KeyType;
import io.flowgate.domain.key.Kid;
import io.flowgate.domain.org.OrgId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "app_keys")
class AppKeyEntity {

    @Id
    String id;

    @Column(name = "org_id", nullable = false)
    String orgId;

    @Column(name = "app_id", nullable = false)
    String appId;

    @Column(nullable = false)
    String kid;

    @Enumerated(EnumType.STRING)
    @Column(name = "kty", nullable = false)
    KeyType keyType;

    @Enumerated(EnumType.STRING)
    @Column(name = "alg", nullable = false)
    JwsAlgorithm algorithm;

    @Column(name = "public_jwk", nullable = false)
    String publicJwk;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    LifecycleStatus status;

    @Column(nullable = false)
    Instant created;

    @Column(name = "last_updated", nullable = false)
    Instant lastUpdated;

    static AppKeyEntity from(AppKey key) {
        AppKeyEntity entity = new AppKeyEntity();
        entity.id = key.id().value();
        entity.orgId = key.orgId().value();
        entity.appId = key.appId().value();
        entity.kid = key.kid().value();
        entity.keyType = key.keyType();
        entity.algorithm = key.algorithm();
        entity.publicJwk = key.publicJwk();
        entity.created = key.created();
        entity.copyChangeableFields(key);
        return entity;
    }

    /** The fields a key can change after it is added; the key material never changes. */
    void copyChangeableFields(AppKey key) {
        status = key.status();
        lastUpdated = key.lastUpdated();
    }

    AppKey toDomain() {
        return AppKey.restore(new AppKeyId(id), new OrgId(orgId), new AppId(appId), new Kid(kid), keyType, algorithm,
                publicJwk, status, created, lastUpdated);
    }
}
