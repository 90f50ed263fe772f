package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.AbstractAdminTokenRepositoryContractTest;
import io.flowgate.application.port.out.AdminTokenRepository;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.UnitOfWork;
import org.junit.jupiter.api.extension.RegisterExtension;

class JpaAdminTokenRepositoryTest extends AbstractAdminTokenRepositoryContractTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Override
    protected AdminTokenRepository repository() {
        return new JpaAdminTokenRepository(postgres.unitOfWork());
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
