package io.flowgate.application.port.out;

import io.flowgate.application.fake.DirectUnitOfWork;
import io.flowgate.application.fake.InMemoryExecutionRepository;
import io.flowgate.application.fake.InMemoryOrgRepository;

class InMemoryExecutionRepositoryTest extends AbstractExecutionRepositoryContractTest {

    private final InMemoryExecutionRepository repository = new InMemoryExecutionRepository();
    private final InMemoryOrgRepository orgs = new InMemoryOrgRepository();
    private final UnitOfWork unitOfWork = new DirectUnitOfWork();

    @Override
    protected ExecutionRepository repository() {
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
