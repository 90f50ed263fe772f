package io.flowgate.application.port.out;

import java.util.function.Supplier;

/**
 * One transaction per use case: everything the work does through repositories commits together or
 * not at all. A {@link io.flowgate.domain.DomainException} thrown by the work rolls it back and is
 * rethrown as is.
 */
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
