package io.flowgate.application.service;

import io.flowgate.application.port.in.CreateOrgCommand;
import io.flowgate.application.port.in.CreateOrgUseCase;
import io.flowgate.application.port.in.OrgCreated;
import io.flowgate.application.port.out.AdminTokenRepository;
import io.flowgate.application.port.out.Clock;
import io.flowgate.application.port.out.IdGenerator;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.SecretGenerator;
import io.flowgate.application.port.out.SecretHasher;
import io.flowgate.application.port.out.SigningKeyFactory;
import io.flowgate.application.port.out.SigningKeyFactory.NewSigningKey;
import io.flowgate.application.port.out.SigningKeyRepository;
import io.flowgate.application.port.out.SystemLog;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.SigningKey;
import io.flowgate.domain.key.SigningKeyId;
import io.flowgate.domain.log.LogEvent;
import io.flowgate.domain.log.LogEventId;
import io.flowgate.domain.org.AdminToken;
import io.flowgate.domain.org.AdminTokenId;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import java.util.Optional;

/**
 * Creates an org with its first admin token and its first access-token signing key (RS256), in one
 * transaction: all exist, or none.
 */
public final class CreateOrgService implements CreateOrgUseCase {

    static final String FIRST_TOKEN_NAME = "initial";
    static final String OPERATOR = "operator";
    static final JwsAlgorithm DEFAULT_SIGNING_ALGORITHM = JwsAlgorithm.RS256;

    private final UnitOfWork unitOfWork;
    private final OrgRepository orgs;
    private final AdminTokenRepository adminTokens;
    private final SystemLog systemLog;
    private final Clock clock;
    private final IdGenerator ids;
    private final SecretGenerator secrets;
    private final SecretHasher hasher;
    private final SigningKeyRepository signingKeys;
    private final SigningKeyFactory signingKeyFactory;

    public CreateOrgService(UnitOfWork unitOfWork, OrgRepository orgs, AdminTokenRepository adminTokens,
                            SigningKeyRepository signingKeys, SigningKeyFactory signingKeyFactory,
                            SystemLog systemLog, Clock clock, IdGenerator ids, SecretGenerator secrets,
                            SecretHasher hasher) {
        this.unitOfWork = unitOfWork;
        this.orgs = orgs;
        this.adminTokens = adminTokens;
        this.systemLog = systemLog;
        this.clock = clock;
        this.ids = ids;
        this.secrets = secrets;
        this.hasher = hasher;
        this.signingKeys = signingKeys;
        this.signingKeyFactory = signingKeyFactory;
    }

    @Override
    public OrgCreated createOrg(CreateOrgCommand command) {
        // Key generation is slow (RSA) and needs no transaction, so it happens before one opens.
        NewSigningKey material = signingKeyFactory.create(DEFAULT_SIGNING_ALGORITHM);
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.now();
            Org org = Org.create(new OrgId(ids.newId()), command.slug(), command.name(), now);
            orgs.add(org);
            String secret = secrets.newSecret();
            signingKeys.add(SigningKey.create(new SigningKeyId(ids.newId()), org.id(), material.kid(),
                    DEFAULT_SIGNING_ALGORITHM, material.publicJwkJson(), material.encryptedPrivateKey(), now));
            adminTokens.add(AdminToken.issue(
                    new AdminTokenId(ids.newId()), org.id(), FIRST_TOKEN_NAME, hasher.hash(secret), now));
            systemLog.append(new LogEvent(new LogEventId(ids.newId()), org.id(), now, "org.created", OPERATOR,
                    "org:" + org.id(), LogEvent.Outcome.SUCCESS, Optional.empty()));
            return new OrgCreated(org, secret);
        });
    }
}
