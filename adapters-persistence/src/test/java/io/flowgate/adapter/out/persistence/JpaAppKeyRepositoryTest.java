package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.AbstractAppKeyRepositoryContractTest;
import io.flowgate.application.port.out.AppKeyRepository;
import io.flowgate.application.port.out.AppRepository;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.UnitOfWork;
import org.junit.jupiter.api.extension.RegisterExtension;

class JpaAppKeyRepositoryTest extends AbstractAppKeyRepositoryContractTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Override
    protected AppKeyRepository repository() {
        return new JpaAppKeyRepository(postgres.unitOfWork());
    }

    @Override
    protected AppRepository apps() {
        return new JpaAppRepository(postgres.unitOfWork());
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
