package io.flowgate.adapter.in.rest;

import java.util.concurrent.Executor;
import org.glassfish.grizzly.IOEvent;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.nio.NIOConnection;

/**
 * Runs an answer that became ready on another thread (the group-commit writer's) on the selector
 * thread that owns the request's connection: one wake-up of the selector serves all the answers
 * queued to it meanwhile, where each worker waiting for a commit had to be woken on its own.
 *
 * <p>Unless earlier answers still wait to be written on that connection: its client is not reading
 * them, and Grizzly's write blocks the writing thread once more than a few write buffers wait, until
 * the client reads or the write times out. The selector must never wait (every other connection it
 * serves would wait with it), so such an answer goes to a worker, which may. With nothing waiting,
 * a small answer (a token's, about a kilobyte) leaves at once or queues far below that limit; a
 * large one could still block, so this is for small answers only.
 */
final class ConnectionThread implements Executor {

    private final NIOConnection connection;

    ConnectionThread(Request request) {
        this.connection = (NIOConnection) request.getContext().getConnection();
    }

    /** For an answer too large for the selector: a worker, which may wait while the client reads it. */
    static Executor worker(Request request) {
        return ((NIOConnection) request.getContext().getConnection()).getTransport().getWorkerThreadPool();
    }

    @Override
    public void execute(Runnable answer) {
        connection.executeInEventThread(IOEvent.WRITE, () -> {
            if (connection.getAsyncWriteQueue().isEmpty()) {
                answer.run();
            } else {
                connection.getTransport().getWorkerThreadPool().execute(answer);
            }
        });
    }
}
