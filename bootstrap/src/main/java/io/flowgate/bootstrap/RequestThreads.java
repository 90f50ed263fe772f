package io.flowgate.bootstrap;

import java.util.concurrent.Executor;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.nio.NIOConnection;
import org.glassfish.grizzly.threadpool.Threads;

/**
 * Chooses the thread each request runs on. The selector thread that read a request serves it itself
 * when that is a token request whose whole body has arrived on a connection with nothing waiting to
 * be written; every other request goes to a worker, as Grizzly does by default.
 *
 * <p>Handing a request to a worker costs more than a token's work around its signatures: waking the
 * worker, and turning the connection's read interest off and on again. But a selector thread serves
 * many connections, and whatever holds it up holds up all of them, so it keeps only work that is
 * bounded: a token request is two signature operations and one group commit; its body, when still
 * arriving, would make it wait for the client, and a response that cannot be written because the
 * client is not reading would make it wait for the client too. Flows, admin requests and anything
 * with a body still on its way stay on the workers.
 */
final class RequestThreads extends HttpHandler {

    private static final String TOKEN_PATH = "/oauth2/v1/token";

    private final HttpHandler application;

    RequestThreads(HttpHandler application) {
        this.application = application;
    }

    @Override
    public void start() {
        application.start();
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        application.service(request, response);
    }

    @Override
    public void destroy() {
        application.destroy();
    }

    @Override
    public RequestExecutorProvider getRequestExecutorProvider() {
        return RequestThreads::executor;
    }

    /** {@code null} runs the request on the current thread. */
    private static Executor executor(Request request) {
        Connection<?> connection = request.getContext().getConnection();
        if (!Threads.isService() || servedWhereRead(request, connection)) {
            return null;
        }
        return connection.getTransport().getWorkerThreadPool();
    }

    static boolean servedWhereRead(Request request, Connection<?> connection) {
        return request.getRequestURI().endsWith(TOKEN_PATH)
                && request.getInputBuffer().isFinished()
                && connection instanceof NIOConnection nio && nio.getAsyncWriteQueue().isEmpty();
    }
}
