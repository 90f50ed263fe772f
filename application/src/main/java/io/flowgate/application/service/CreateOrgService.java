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
import io.flowgate.application.port.out.SystemLog;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.log.LogEvent;
import io.flowgate.domain.log.LogEventId;
import io.flowgate.domain.org.AdminToken;
import io.flowgate.domain.org.AdminTokenId;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import java.util.Optional;

/** Creates an org with its first admin token, in one transaction: both exist, or neither. */
public final class CreateOrgService implements CreateOrgUseCase {

    static final String FIRST_TOKEN_NAME = "initial";
    static final String OPERATOR = "operator";

    private final UnitOfWork unitOfWork;
    private final OrgRepository orgs;
    private final AdminTokenRepository adminTokens;
    private final SystemLog systemLog;
    private final Clock clock;
    private final IdGenerator ids;
    private final SecretGenerator secrets;
    private final SecretHasher hasher;

    public CreateOrgService(UnitOfWork unitOfWork, OrgRepository orgs, AdminTokenRepository adminTokens,
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
    }

    @Override
    public OrgCreated createOrg(CreateOrgCommand command) {
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.now();
            Org org = Org.create(new OrgId(ids.newId()), command.slug(), command.name(), now);
            orgs.add(org);
            String secret = secrets.newSecret();
            adminTokens.add(AdminToken.issue(
                    new AdminTokenId(ids.newId()), org.id(), FIRST_TOKEN_NAME, hasher.hash(secret), now));
            systemLog.append(new LogEvent(new LogEventId(ids.newId()), org.id(), now, "org.created", OPERATOR,
                    "org:" + org.id(), LogEvent.Outcome.SUCCESS, Optional.empty()));
            return new OrgCreated(org, secret);
        });
    }
}
