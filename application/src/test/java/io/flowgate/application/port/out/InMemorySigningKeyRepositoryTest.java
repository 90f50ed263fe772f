package io.flowgate.application.port.out;

import io.flowgate.application.fake.DirectUnitOfWork;
import io.flowgate.application.fake.InMemoryOrgRepository;
import io.flowgate.application.fake.InMemorySigningKeyRepository;

class InMemorySigningKeyRepositoryTest extends AbstractSigningKeyRepositoryContractTest {

    private final InMemorySigningKeyRepository repository = new InMemorySigningKeyRepository();
    private final InMemoryOrgRepository orgs = new InMemoryOrgRepository();
    private final UnitOfWork unitOfWork = new DirectUnitOfWork();

    @Override
    protected SigningKeyRepository repository() {
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
