package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.AbstractOrgRepositoryContractTest;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.UnitOfWork;
import org.junit.jupiter.api.extension.RegisterExtension;

class JpaOrgRepositoryTest extends AbstractOrgRepositoryContractTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Override
    protected OrgRepository repository() {
        return new JpaOrgRepository(postgres.unitOfWork());
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return postgres.unitOfWork();
    }
}
