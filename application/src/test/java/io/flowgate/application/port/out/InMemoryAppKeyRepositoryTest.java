package io.flowgate.application.port.out;

import io.flowgate.application.fake.DirectUnitOfWork;
import io.flowgate.application.fake.InMemoryAppKeyRepository;
import io.flowgate.application.fake.InMemoryAppRepository;
import io.flowgate.application.fake.InMemoryOrgRepository;
import io.flowgate.application.fake.InMemoryScopeGrantRepository;

class InMemoryAppKeyRepositoryTest extends AbstractAppKeyRepositoryContractTest {

    private final InMemoryAppKeyRepository keys = new InMemoryAppKeyRepository();
    private final InMemoryScopeGrantRepository grants = new InMemoryScopeGrantRepository();
    private final InMemoryAppRepository apps = new InMemoryAppRepository(keys, grants);
    private final InMemoryOrgRepository orgs = new InMemoryOrgRepository();
    private final UnitOfWork unitOfWork = new DirectUnitOfWork();

    @Override
    protected AppKeyRepository repository() {
        return keys;
    }

    @Override
    protected AppRepository apps() {
        return apps;
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
