package io.flowgate.application.service;

import io.flowgate.application.port.in.AdminContext;
import io.flowgate.application.port.in.AuthenticateAdminUseCase;
import io.flowgate.application.port.out.AdminTokenRepository;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.SecretHasher;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.org.OrgSlug;
import java.util.Optional;

/** Finds the token by its hash (never comparing plaintext) and checks it belongs to the org in the URL. */
public final class AuthenticateAdminService implements AuthenticateAdminUseCase {

    private final UnitOfWork unitOfWork;
    private final AdminTokenRepository adminTokens;
    private final OrgRepository orgs;
    private final SecretHasher hasher;

    public AuthenticateAdminService(UnitOfWork unitOfWork, AdminTokenRepository adminTokens, OrgRepository orgs,
                                    SecretHasher hasher) {
        this.unitOfWork = unitOfWork;
        this.adminTokens = adminTokens;
        this.orgs = orgs;
        this.hasher = hasher;
    }

    @Override
    public Optional<AdminContext> authenticate(OrgSlug slug, String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return unitOfWork.inTransaction(() -> adminTokens.findByHash(hasher.hash(token))
                .flatMap(adminToken -> orgs.findById(adminToken.orgId())
                        .filter(org -> org.slug().equals(slug))
                        .map(org -> new AdminContext(org.id(), org.slug(), adminToken.id()))));
    }
}
