package io.flowgate.adapter.in.rest;

import java.util.concurrent.Executor;
import org.glassfish.grizzly.IOEvent;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.nio.NIOConnection;

/**
 * Runs an answer that became ready on another thread (the group-commit writer's) on the selector
 * thread that owns the request's connection. The selector is woken once for every answer queued to it
 * meanwhile, where a worker waiting for the commit is woken for its own alone, and the answer is
 * written straight to the socket.
 *
 * <p>Unless earlier answers still wait to be written on that connection: its client is not reading
 * them, and writing more could block the thread until the client reads or the write times out. The
 * selector must never wait (every other connection it serves would wait with it), so such an answer
 * goes to a worker, which may.
 */
final class ConnectionThread implements Executor {

    private final NIOConnection connection;

    ConnectionThread(Request request) {
        this.connection = (NIOConnection) request.getContext().getConnection();
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
