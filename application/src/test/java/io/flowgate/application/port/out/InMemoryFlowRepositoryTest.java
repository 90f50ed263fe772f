package io.flowgate.application.port.out;

import io.flowgate.application.fake.DirectUnitOfWork;
import io.flowgate.application.fake.InMemoryFlowAliasRepository;
import io.flowgate.application.fake.InMemoryFlowRepository;
import io.flowgate.application.fake.InMemoryOrgRepository;

class InMemoryFlowRepositoryTest extends AbstractFlowRepositoryContractTest {

    private final InMemoryFlowRepository repository = new InMemoryFlowRepository();
    private final InMemoryFlowAliasRepository aliases = new InMemoryFlowAliasRepository(repository);
    private final InMemoryOrgRepository orgs = new InMemoryOrgRepository();
    private final UnitOfWork unitOfWork = new DirectUnitOfWork();

    @Override
    protected FlowRepository repository() {
        return repository;
    }

    @Override
    protected FlowAliasRepository aliases() {
        return aliases;
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
