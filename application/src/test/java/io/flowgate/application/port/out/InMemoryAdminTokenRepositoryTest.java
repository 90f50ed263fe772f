package io.flowgate.application.port.out;

import io.flowgate.application.fake.DirectUnitOfWork;
import io.flowgate.application.fake.InMemoryAdminTokenRepository;
import io.flowgate.application.fake.InMemoryOrgRepository;

class InMemoryAdminTokenRepositoryTest extends AbstractAdminTokenRepositoryContractTest {

    private final InMemoryAdminTokenRepository repository = new InMemoryAdminTokenRepository();
    private final InMemoryOrgRepository orgs = new InMemoryOrgRepository();
    private final UnitOfWork unitOfWork = new DirectUnitOfWork();

    @Override
    protected AdminTokenRepository repository() {
        return repository;
    }

    @Override
    protected OrgRepository orgs() {
        return orgs;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }
}
