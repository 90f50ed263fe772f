package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.AbstractFlowAliasRepositoryContractTest;
import io.flowgate.application.port.out.FlowAliasRepository;
import io.flowgate.application.port.out.FlowRepository;
import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.UnitOfWork;
import org.junit.jupiter.api.extension.RegisterExtension;

class JpaFlowAliasRepositoryTest extends AbstractFlowAliasRepositoryContractTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Override
    protected FlowAliasRepository repository() {
        return new JpaFlowAliasRepository(postgres.unitOfWork());
    }

    @Override
    protected FlowRepository flows() {
        return new JpaFlowRepository(postgres.unitOfWork());
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
