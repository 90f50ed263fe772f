package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.AbstractSystemLogContractTest;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.SystemLog;
import io.flowgate.application.port.out.UnitOfWork;
import org.junit.jupiter.api.extension.RegisterExtension;

class JpaSystemLogTest extends AbstractSystemLogContractTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Override
    protected SystemLog log() {
        return new JpaSystemLog(postgres.unitOfWork());
    }

    @Override
    protected OrgRepository orgs() {
        return new JpaOrgRepository(postgres.unitOfWork());
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return postgres.unitOfWork();
    }
}
