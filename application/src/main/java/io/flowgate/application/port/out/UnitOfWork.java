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
     * A unit of work that only reads, for the token and invoke endpoints: its reads may come from a
     * per-node cache that every commit on any node invalidates, so they can lag the database by the
     * moment a change takes to reach this node. It must not write, nor change the aggregates it
     * reads (they may be shared with other reading units); a rule that reads and then writes uses
     * {@link #inTransaction}.
     */
    default <T> T reading(Supplier<T> work) {
        return inTransaction(work);
    }

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
