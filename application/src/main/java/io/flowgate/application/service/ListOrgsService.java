package io.flowgate.application.service;

import io.flowgate.application.port.in.ListOrgsUseCase;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.org.Org;
import java.util.List;

public final class ListOrgsService implements ListOrgsUseCase {

    private final UnitOfWork unitOfWork;
    private final OrgRepository orgs;

    public ListOrgsService(UnitOfWork unitOfWork, OrgRepository orgs) {
        this.unitOfWork = unitOfWork;
        this.orgs = orgs;
    }

    @Override
    public List<Org> listOrgs(PageRequest page) {
        return unitOfWork.inTransaction(() -> orgs.list(page));
    }
}
