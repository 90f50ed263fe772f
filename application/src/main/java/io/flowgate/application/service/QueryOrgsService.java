package io.flowgate.application.service;

import io.flowgate.application.port.in.GetOrgUseCase;
import io.flowgate.application.port.in.ListOrgsUseCase;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import java.util.List;

/** The operator's read side of orgs. */
public final class QueryOrgsService implements ListOrgsUseCase, GetOrgUseCase {

    private final UnitOfWork unitOfWork;
    private final OrgRepository orgs;

    public QueryOrgsService(UnitOfWork unitOfWork, OrgRepository orgs) {
        this.unitOfWork = unitOfWork;
        this.orgs = orgs;
    }

    @Override
    public List<Org> listOrgs(PageRequest page) {
        return unitOfWork.inTransaction(() -> orgs.list(page));
    }

    @Override
    public Org getOrg(OrgId id) {
        return unitOfWork.inTransaction(() -> orgs.findById(id))
                .orElseThrow(() -> new NotFound("no org " + id));
    }
}
