package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.AbstractScopeRepositoryContractTest;
import io.flowgate.application.port.out.ScopeRepository;
import io.flowgate.application.port.out.UnitOfWork;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reads the catalog exactly as the migration seeds it. */
class JpaScopeRepositoryTest extends AbstractScopeRepositoryContractTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Override
    protected ScopeRepository repository() {
        return new JpaScopeRepository(postgres.unitOfWork());
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return postgres.unitOfWork();
    }
}
