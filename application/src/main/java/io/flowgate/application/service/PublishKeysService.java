package io.flowgate.application.service;

import io.flowgate.application.port.in.PublishKeysUseCase;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.Clock;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.key.SigningKey;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgSlug;
import java.util.List;

public final class PublishKeysService implements PublishKeysUseCase {

    private final UnitOfWork unitOfWork;
    private final OrgRepository orgs;
    private final VerifyingKeys verifyingKeys;
    private final Clock clock;

    public PublishKeysService(UnitOfWork unitOfWork, OrgRepository orgs, VerifyingKeys verifyingKeys, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.orgs = orgs;
        this.verifyingKeys = verifyingKeys;
        this.clock = clock;
    }

    @Override
    public List<String> publicSigningKeys(OrgSlug slug) {
        return unitOfWork.inTransaction(() -> verifyingKeys.of(org(slug).id(), clock.now()).stream()
                .map(SigningKey::publicJwk)
                .toList());
    }

    @Override
    public void requireOrg(OrgSlug slug) {
        unitOfWork.run(() -> org(slug));
    }

    private Org org(OrgSlug slug) {
        return orgs.findBySlug(slug).orElseThrow(() -> new NotFound("no authorization server at this URL"));
    }
}
