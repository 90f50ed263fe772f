package io.flowgate.application.port.out;

import io.flowgate.application.fake.DirectUnitOfWork;
import io.flowgate.application.fake.InMemoryOrgRepository;

class InMemoryOrgRepositoryTest extends AbstractOrgRepositoryContractTest {

    private final InMemoryOrgRepository repository = new InMemoryOrgRepository();
    private final UnitOfWork unitOfWork = new DirectUnitOfWork();

    @Override
    protected OrgRepository repository() {
        return repository;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }
}
