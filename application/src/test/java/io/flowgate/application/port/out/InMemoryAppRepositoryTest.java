package io.flowgate.application.port.out;

import io.flowgate.application.fake.DirectUnitOfWork;
import io.flowgate.application.fake.InMemoryAppKeyRepository;
import io.flowgate.application.fake.InMemoryAppRepository;
import io.flowgate.application.fake.InMemoryOrgRepository;
import io.flowgate.application.fake.InMemoryScopeGrantRepository;

class InMemoryAppRepositoryTest extends AbstractAppRepositoryContractTest {

    private final InMemoryAppKeyRepository keys = new InMemoryAppKeyRepository();
    private final InMemoryScopeGrantRepository grants = new InMemoryScopeGrantRepository();
    private final InMemoryAppRepository repository = new InMemoryAppRepository(keys, grants);
    private final InMemoryOrgRepository orgs = new InMemoryOrgRepository();
    private final UnitOfWork unitOfWork = new DirectUnitOfWork();

    @Override
    protected AppRepository repository() {
        return repository;
    }

    @Override
    protected OrgRepository orgs() {
        return orgs;
    }

    @Override
    protected AppKeyRepository keys() {
        return keys;
    }

    @Override
    protected ScopeGrantRepository grants() {
        return grants;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }
}
