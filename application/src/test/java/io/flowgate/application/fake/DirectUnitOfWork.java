package io.flowgate.application.fake;

import io.flowgate.application.port.out.UnitOfWork;
import java.util.function.Supplier;

/** Runs the work without a transaction: the in-memory fakes need none. */
public final class DirectUnitOfWork implements UnitOfWork {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    /** Service tests run one use case at a time; there is nobody to wait for. */
    @Override
    public void lock(String name) {
    }
}
