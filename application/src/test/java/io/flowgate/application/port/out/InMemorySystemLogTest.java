package io.flowgate.application.port.out;

import io.flowgate.application.fake.DirectUnitOfWork;
import io.flowgate.application.fake.InMemoryOrgRepository;
import io.flowgate.application.fake.InMemorySystemLog;

class InMemorySystemLogTest extends AbstractSystemLogContractTest {

    private final InMemorySystemLog log = new InMemorySystemLog();
    private final InMemoryOrgRepository orgs = new InMemoryOrgRepository();
    private final UnitOfWork unitOfWork = new DirectUnitOfWork();

    @Override
    protected SystemLog log() {
        return log;
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
