package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.AbstractReplayStoreContractTest;
import io.flowgate.application.port.out.ReplayStore;
import io.flowgate.application.port.out.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class GroupCommitReplayStoreTest extends AbstractReplayStoreContractTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private GroupCommitWriter writer;

    @Override
    protected ReplayStore store() {
        if (writer == null) {
            writer = new GroupCommitWriter(postgres.database().dataSource(), 2);
        }
        return writer;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return postgres.unitOfWork();
    }

    @AfterEach
    void closeWriter() {
        if (writer != null) {
            writer.close();
        }
    }
}
