package io.flowgate.application.port.out;

/**
 * The database could not be reached in time: not a refusal of the request, which may succeed when
 * retried. Adapters of the storage ports throw it in place of their own connection failures.
 */
public final class StorageUnavailable extends RuntimeException {

    public StorageUnavailable(Throwable cause) {
        super("the database is not reachable", cause);
    }
}
