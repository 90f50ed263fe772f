package io.flowgate.application.port.out;

import java.util.function.Supplier;

/**
 * One transaction per use case: everything the work does through repositories commits together or
 * not at all. A {@link io.flowgate.domain.DomainException} thrown by the work rolls it back and is
 * rethrown as is.
 */
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Within the current transaction, waits until no other transaction on any node holds the lock
     * of that name, and holds it until this one ends. For rules that read several rows and then
     * change one (the last active key, the last admin token), which row-level constraints cannot express.
     */
    void lock(String name);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
