package io.flowgate.adapter.out.persistence;

import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.Kid;
import io.flowgate.domain.key.SigningKey;
import io.flowgate.domain.key.SigningKeyId;
import io.flowgate.domain.org.OrgId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "signing_keys")
class SigningKeyEntity {

    @Id
    String id;

    @Column(name = "org_id", nullable = false)
    String orgId;

    @Column(nullable = false)
    String kid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    JwsAlgorithm alg;

    @Column(name = "public_jwk", nullable = false)
    String publicJwk;

    @Column(name = "encrypted_private_key", nullable = false)
    byte[] encryptedPrivateKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    SigningKey.Status status;

    @Column(nullable = false)
    Instant created;

    @Column(name = "status_changed", nullable = false)
    Instant statusChanged;

    static SigningKeyEntity from(SigningKey key) {
        SigningKeyEntity entity = new SigningKeyEntity();
        entity.id = key.id().value();
        entity.orgId = key.orgId().value();
        entity.kid = key.kid().value();
        entity.alg = key.algorithm();
        entity.publicJwk = key.publicJwk();
        entity.encryptedPrivateKey = key.encryptedPrivateKey();
        entity.created = key.created();
        entity.copyStateOf(key);
        return entity;
    }

    /** What a signing key's lifecycle can change; everything else is fixed at creation. */
    void copyStateOf(SigningKey key) {
        status = key.status();
        statusChanged = key.statusChanged();
    }

    SigningKey toDomain() {
        return SigningKey.restore(new SigningKeyId(id), new OrgId(orgId), new Kid(kid), alg, publicJwk,
                encryptedPrivateKey, status, created, statusChanged);
    }
}
