package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.AbstractReplayStoreContractTest;
import io.flowgate.application.port.out.ReplayStore;
import io.flowgate.application.port.out.UnitOfWork;
import org.junit.jupiter.api.extension.RegisterExtension;

class JpaReplayStoreTest extends AbstractReplayStoreContractTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @Override
    protected ReplayStore store() {
        return new JpaReplayStore(postgres.unitOfWork());
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return postgres.unitOfWork();
    }
}
