package io.flowgate.application.service;

import io.flowgate.application.port.in.AdminContext;
import io.flowgate.application.port.in.ManageAdminTokensUseCase;
import io.flowgate.application.port.out.AdminTokenRepository;
import io.flowgate.application.port.out.Clock;
import io.flowgate.application.port.out.IdGenerator;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.application.port.out.SecretGenerator;
import io.flowgate.application.port.out.SecretHasher;
import io.flowgate.application.port.out.SystemLog;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.Conflict;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.org.AdminToken;
import io.flowgate.domain.org.AdminTokenId;
import java.util.List;

public final class AdminTokenAdministrationService implements ManageAdminTokensUseCase {

    private final UnitOfWork unitOfWork;
    private final AdminTokenRepository adminTokens;
    private final Clock clock;
    private final IdGenerator ids;
    private final SecretGenerator secrets;
    private final SecretHasher hasher;
    private final AdminAudit audit;

    public AdminTokenAdministrationService(UnitOfWork unitOfWork, AdminTokenRepository adminTokens,
                                           SystemLog systemLog, Clock clock, IdGenerator ids,
                                           SecretGenerator secrets, SecretHasher hasher) {
        this.unitOfWork = unitOfWork;
        this.adminTokens = adminTokens;
        this.clock = clock;
        this.ids = ids;
        this.secrets = secrets;
        this.hasher = hasher;
        this.audit = new AdminAudit(systemLog, clock, ids);
    }

    @Override
    public IssuedAdminToken issueAdminToken(AdminContext admin, String name) {
        return unitOfWork.inTransaction(() -> {
            String secret = secrets.newSecret();
            AdminToken token = AdminToken.issue(new AdminTokenId(ids.newId()), admin.orgId(), name,
                    hasher.hash(secret), clock.now());
            adminTokens.add(token);
            audit.record(admin, "org.admin_token.created", "admin-token:" + token.id());
            return new IssuedAdminToken(token, secret);
        });
    }

    @Override
    public List<AdminToken> listAdminTokens(AdminContext admin, PageRequest page) {
        return unitOfWork.inTransaction(() -> adminTokens.list(admin.orgId(), page));
    }

    @Override
    public void revokeAdminToken(AdminContext admin, AdminTokenId tokenId) {
        unitOfWork.run(() -> {
            // Two admins revoking the last two tokens at once must not lock the org out.
            unitOfWork.lock("admin-tokens:" + admin.orgId());
            List<AdminToken> firstTwo = adminTokens.list(admin.orgId(), PageRequest.first(2));
            if (firstTwo.size() == 1 && firstTwo.get(0).id().equals(tokenId)) {
                throw new Conflict("this is the org's last admin token; issue another before revoking it");
            }
            if (!adminTokens.remove(admin.orgId(), tokenId)) {
                throw new NotFound("no admin token " + tokenId);
            }
            audit.record(admin, "org.admin_token.revoked", "admin-token:" + tokenId);
        });
    }
}
