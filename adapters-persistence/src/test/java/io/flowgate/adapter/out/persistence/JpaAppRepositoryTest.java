package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.AbstractAppRepositoryContractTest;
import io.flowgate.application.port.out.AppKeyRepository;
import io.flowgate.application.port.out.AppRepository;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.ScopeGrantRepository;
import io.flowgate.application.port.out.UnitOfWork;
import org.junit.jupiter.api.extension.RegisterExtension;

class JpaAppRepositoryTest extends AbstractAppRepositoryContractTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Override
    protected AppRepository repository() {
        return new JpaAppRepository(postgres.unitOfWork());
    }

    @Override
    protected OrgRepository orgs() {
        return new JpaOrgRepository(postgres.unitOfWork());
    }

    @Override
    protected AppKeyRepository keys() {
        return new JpaAppKeyRepository(postgres.unitOfWork());
    }

    @Override
    protected ScopeGrantRepository grants() {
        return new JpaScopeGrantRepository(postgres.unitOfWork());
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return postgres.unitOfWork();
    }
}
