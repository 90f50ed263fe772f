package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.AbstractSigningKeyRepositoryContractTest;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.SigningKeyRepository;
import io.flowgate.application.port.out.UnitOfWork;
import org.junit.jupiter.api.extension.RegisterExtension;

class JpaSigningKeyRepositoryTest extends AbstractSigningKeyRepositoryContractTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Override
    protected SigningKeyRepository repository() {
        return new JpaSigningKeyRepository(postgres.unitOfWork());
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
