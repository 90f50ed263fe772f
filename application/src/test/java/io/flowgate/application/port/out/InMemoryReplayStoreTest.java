package io.flowgate.application.port.out;

import io.flowgate.application.fake.DirectUnitOfWork;
import io.flowgate.application.fake.InMemoryReplayStore;
import java.util.List;

class InMemoryReplayStoreTest extends AbstractReplayStoreContractTest {

    private final InMemoryReplayStore store = new InMemoryReplayStore();
    private final UnitOfWork unitOfWork = new DirectUnitOfWork();

    @Override
    protected ReplayStore store() {
        return store;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    protected List<String> loggedEventIds() {
        return store.answers().stream().map(event -> event.id().value()).toList();
    }
}
