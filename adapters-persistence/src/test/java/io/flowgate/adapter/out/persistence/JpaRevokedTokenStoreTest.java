package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.AbstractRevokedTokenStoreContractTest;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.RevokedTokenStore;
import io.flowgate.application.port.out.UnitOfWork;
import org.junit.jupiter.api.extension.RegisterExtension;

class JpaRevokedTokenStoreTest extends AbstractRevokedTokenStoreContractTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Override
    protected RevokedTokenStore store() {
        return new JpaRevokedTokenStore(postgres.unitOfWork());
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
