package io.flowgate.application.port.out;

import io.flowgate.application.fake.DirectUnitOfWork;
import io.flowgate.application.fake.InMemoryFlowAliasRepository;
import io.flowgate.application.fake.InMemoryFlowRepository;
import io.flowgate.application.fake.InMemoryOrgRepository;

class InMemoryFlowAliasRepositoryTest extends AbstractFlowAliasRepositoryContractTest {

    private final InMemoryFlowRepository flows = new InMemoryFlowRepository();
    private final InMemoryFlowAliasRepository repository = new InMemoryFlowAliasRepository(flows);
    private final InMemoryOrgRepository orgs = new InMemoryOrgRepository();
    private final UnitOfWork unitOfWork = new DirectUnitOfWork();

    @Override
    protected FlowAliasRepository repository() {
        return repository;
    }

    @Override
    protected FlowRepository flows() {
        return flows;
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
