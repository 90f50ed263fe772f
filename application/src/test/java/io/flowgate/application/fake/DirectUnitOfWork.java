package io.flowgate.application.fake;

import io.flowgate.application.port.out.UnitOfWork;
import java.util.function.Supplier;

/** Runs the work without a transaction: the in-memory fakes need none. */
public final class DirectUnitOfWork implements UnitOfWork {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
