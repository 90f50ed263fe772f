package io.flowgate.adapter.in.rest;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ConnectionThread} on a real Grizzly server: answers that become ready on another thread, as an
 * issued token's does on the commit writer's, and a client that sends requests but never reads the answers.
 * Grizzly's write blocks the writing thread once the answers that wait for that client fill its queue;
 * that thread must be a worker, never the selector thread that other connections share.
 *
 * <p>The client that does not read sends requests without a body. With pipelined bodies, as a token client's,
 * Grizzly was seen to stop reading the connection sooner, at some point while its answers wait to be written:
 * no thread waits then, and it reads on once the client does, but no write would come to block.
 */
class ConnectionThreadTest {

    private static final String WORKERS = "test-worker";
    /**
     * The server's send buffer per connection, fixed: Grizzly sets the socket's (above Linux's usual initial 16 KiB,
     * which turns the kernel's growing of it off) and queues four times as much before its write blocks. A few hundred
     * answers fill both, where the kernel's own sizing lets Grizzly queue megabytes.
     */
    private static final int SEND_BUFFER = 32 * 1024;
    /** About a token answer's size, and far below what Grizzly queues before it blocks. */
    private static final String ANSWER = "a".repeat(1024);
    /** Long enough for an answer on a busy test machine, far shorter than a blocked write waits (30 s). */
    private static final int ANSWER_TIMEOUT_MS = 5_000;
    /** Connections are spread over the selector threads (one per core) in turn: this many share each one twice. */
    private static final int OTHER_CONNECTIONS = 2 * Runtime.getRuntime().availableProcessors() + 1;

    /** Stands in for the commit writer: the thread on which an answer becomes ready. */
    private static final ExecutorService ELSEWHERE = Executors.newSingleThreadExecutor();
    private static HttpServer server;
    private static int port;

    /** Answers once something done on another thread completes, the way OAuthResource answers an issued token. */
    @Path("/answer")
    public static class LaterAnswers {

        @GET
        public void answer(@Context Request request, @Suspended AsyncResponse answer) {
            CompletableFuture.runAsync(() -> { }, ELSEWHERE)
                    .whenCompleteAsync((done, failure) -> answer.resume(ANSWER), new ConnectionThread(request));
        }
    }

    @BeforeAll
    static void startServer() throws IOException {
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
                new ResourceConfig(LaterAnswers.class), false);
        NetworkListener listener = server.getListeners().iterator().next();
        listener.getKeepAlive().setMaxRequestsCount(-1); // as Flowgate's: the deaf client's requests never run out
        listener.getTransport().setWriteBufferSize(SEND_BUFFER);
        listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig().setPoolName(WORKERS));
        server.start();
        port = listener.getPort();
    }

    @AfterAll
    static void stopServer() {
        server.shutdownNow();
        ELSEWHERE.shutdownNow();
    }

    @Test
    void answersThatTheirClientDoesNotRead_holdUpNoOtherConnection_theWaitingThreadIsAWorker() throws Exception {
        try (Socket deaf = new Socket("127.0.0.1", port)) {
            Thread sender = new Thread(() -> {
                try {
                    OutputStream out = deaf.getOutputStream();
                    while (true) {
                        out.write(request());
                    }
                } catch (IOException over) {
                    // the test is over
                }
            });
            sender.setDaemon(true);
            sender.start();

            String waiting = awaitAThreadWaitingToWrite();

            assertThat(waiting).as("the thread waiting for the client to read").startsWith(WORKERS);
            assertEveryOtherConnectionIsAnswered();
        }
    }

    @Test
    void anAnswerReadyElsewhere_reachesAClientThatReads() throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(request());

            assertThat(readAnswer(socket)).isEqualTo(ANSWER);
        }
    }

    private static byte[] request() {
        return "GET /answer HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(US_ASCII);
    }

    /**
     * Once the answers nobody reads fill the kernel's buffer and what Grizzly queues for the connection, the thread
     * writing the next one waits in Grizzly's blocking write until the client reads or the write times out.
     *
     * @return the name of that thread
     */
    private static String awaitAThreadWaitingToWrite() throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            Optional<String> waiting = Thread.getAllStackTraces().entrySet().stream()
                    .filter(thread -> isWaitingToWrite(thread.getValue()))
                    .map(Map.Entry::getKey)
                    .map(Thread::getName)
                    .findFirst();
            if (waiting.isPresent()) {
                return waiting.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no thread came to wait for the client to read its answers");
    }

    /**
     * Parked inside Grizzly's blocking write. Every answer passes through that method, which returns at once
     * while the queue has room: a selector thread caught passing through it is not waiting (seen on a busy
     * machine, where this test then failed).
     */
    private static boolean isWaitingToWrite(StackTraceElement[] stack) {
        return stack.length > 0 && stack[0].getMethodName().equals("park")
                && Arrays.stream(stack).anyMatch(frame ->
                        frame.getClassName().equals("org.glassfish.grizzly.http.io.OutputBuffer")
                                && frame.getMethodName().equals("blockAfterWriteIfNeeded"));
    }

    private static void assertEveryOtherConnectionIsAnswered() throws IOException {
        List<Socket> others = new ArrayList<>();
        try {
            for (int i = 0; i < OTHER_CONNECTIONS; i++) {
                Socket other = connect();
                others.add(other);
                other.getOutputStream().write(request());
            }
            for (Socket other : others) {
                assertThat(readAnswer(other)).isEqualTo(ANSWER);
            }
        } finally {
            for (Socket other : others) {
                other.close();
            }
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(ANSWER_TIMEOUT_MS);
        return socket;
    }

    /** The body of one answer, which must be a 200. */
    private static String readAnswer(Socket socket) throws IOException {
        HttpAnswer answer = HttpAnswer.read(new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII)));
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }
}
