package io.flowgate.application.service;

import io.flowgate.application.port.in.AdminContext;
import io.flowgate.application.port.in.ManageSigningKeysUseCase;
import io.flowgate.application.port.out.Clock;
import io.flowgate.application.port.out.IdGenerator;
import io.flowgate.application.port.out.SigningKeyFactory;
import io.flowgate.application.port.out.SigningKeyFactory.NewSigningKey;
import io.flowgate.application.port.out.SigningKeyRepository;
import io.flowgate.application.port.out.SystemLog;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.SigningKey;
import io.flowgate.domain.key.SigningKeyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class SigningKeyRotationService implements ManageSigningKeysUseCase {

    private final UnitOfWork unitOfWork;
    private final SigningKeyRepository signingKeys;
    private final SigningKeyFactory factory;
    private final Clock clock;
    private final IdGenerator ids;
    private final AdminAudit audit;
    private final VerifyingKeys verifyingKeys;

    public SigningKeyRotationService(UnitOfWork unitOfWork, SigningKeyRepository signingKeys,
                                     VerifyingKeys verifyingKeys, SigningKeyFactory factory, SystemLog systemLog,
                                     Clock clock, IdGenerator ids) {
        this.unitOfWork = unitOfWork;
        this.signingKeys = signingKeys;
        this.verifyingKeys = verifyingKeys;
        this.factory = factory;
        this.clock = clock;
        this.ids = ids;
        this.audit = new AdminAudit(systemLog, clock, ids);
    }

    @Override
    public List<SigningKey> listSigningKeys(AdminContext admin) {
        return unitOfWork.inTransaction(() -> verifyingKeys.of(admin.orgId(), clock.now()));
    }

    @Override
    public SigningKey rotateSigningKey(AdminContext admin, Optional<JwsAlgorithm> algorithm) {
        JwsAlgorithm chosen = algorithm.orElseGet(() -> unitOfWork.inTransaction(() -> signingKeys.findActive(admin.orgId()))
                .map(SigningKey::algorithm)
                .orElse(CreateOrgService.DEFAULT_SIGNING_ALGORITHM));
        // Generated outside the transaction: RSA key generation takes a while and needs no database.
        NewSigningKey material = factory.create(chosen);
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.now();
            for (SigningKey key : signingKeys.listVerifying(admin.orgId())) {
                if (key.signs()) {
                    key.supersede(now);
                    signingKeys.update(key);
                } else if (!verifyingKeys.verifies(key, now)) {
                    key.retire(now);
                    signingKeys.update(key);
                }
            }
            SigningKey next = SigningKey.create(new SigningKeyId(ids.newId()), admin.orgId(), material.kid(), chosen,
                    material.publicJwkJson(), material.encryptedPrivateKey(), now);
            signingKeys.add(next);
            audit.record(admin, "authorization_server.key.rotated", "signing-key:" + next.kid());
            return next;
        });
    }
}
