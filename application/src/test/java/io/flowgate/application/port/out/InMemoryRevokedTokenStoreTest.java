package io.flowgate.application.port.out;

import io.flowgate.application.fake.DirectUnitOfWork;
import io.flowgate.application.fake.InMemoryOrgRepository;
import io.flowgate.application.fake.InMemoryRevokedTokenStore;

class InMemoryRevokedTokenStoreTest extends AbstractRevokedTokenStoreContractTest {

    private final InMemoryRevokedTokenStore store = new InMemoryRevokedTokenStore();
    private final InMemoryOrgRepository orgs = new InMemoryOrgRepository();
    private final UnitOfWork unitOfWork = new DirectUnitOfWork();

    @Override
    protected RevokedTokenStore store() {
        return store;
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
