package io.flowgate.application.port.out;

import io.flowgate.application.fake.DirectUnitOfWork;
import io.flowgate.application.fake.InMemoryScopeRepository;

class InMemoryScopeRepositoryTest extends AbstractScopeRepositoryContractTest {

    private final InMemoryScopeRepository repository = new InMemoryScopeRepository();
    private final UnitOfWork unitOfWork = new DirectUnitOfWork();

    @Override
    protected ScopeRepository repository() {
        return repository;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }
}
