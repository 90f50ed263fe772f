package io.flowgate.bootstrap;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Token requests are served on the selector thread that read them only when that cannot hold up
 * the other connections the thread serves: a client that sends its body slowly, or does not read
 * its responses, delays no one but itself.
 */
class RequestThreadsTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    /** Connections are spread over the selector threads in turn: this many share each one at least twice. */
    private static final int OTHER_CONNECTIONS = 2 * Flowgate.SELECTOR_THREADS + 1;
    /** Long enough for a served ping on a busy test machine, far shorter than anything a stalled thread waits for. */
    private static final int ANSWER_TIMEOUT_MS = 5_000;

    @Test
    void tokenRequestWhoseBodyIsStillArriving_holdsUpNoOtherConnection() throws Exception {
        OrgAdmin acme = node.createOrg("acme");
        ApiClient client = ApiClient.register(node, acme, "ES256");
        byte[] body = TokenForm.of(client.assertion().sign()).encode().getBytes(US_ASCII);
        try (Socket slow = connect()) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /orgs/acme/oauth2/v1/token HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();

            assertEveryOtherConnectionIsServed();

            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            assertThat(statusLine(slow)).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    @Test
    void tokenRequestsFromAClientThatDoesNotReadItsResponses_holdUpNoOtherConnection() throws Exception {
        try (Socket deaf = new Socket()) {
            deaf.setReceiveBufferSize(1024); // before connecting: the window the server may fill stays small
            deaf.connect(new InetSocketAddress("127.0.0.1", node.port()));
            // Pipelined: each is answered 405 in the OAuth shape, on the token path, without the database.
            byte[] request = "GET /orgs/acme/oauth2/v1/token HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(US_ASCII);
            Thread sender = new Thread(() -> {
                try {
                    OutputStream out = deaf.getOutputStream();
                    while (true) {
                        out.write(request);
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            sender.setDaemon(true);
            sender.start();
            awaitAThreadWaitingToWrite();

            assertEveryOtherConnectionIsServed();
        }
    }

    /**
     * The node runs in this JVM: once the responses nobody reads fill what Grizzly queues for the
     * connection, the thread serving it waits in Grizzly's blocking write, until the client reads
     * or the write times out. Which thread that is decides whether anyone else waits.
     */
    private static void awaitAThreadWaitingToWrite() throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            boolean waiting = Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream).anyMatch(frame ->
                    frame.getClassName().equals("org.glassfish.grizzly.http.io.OutputBuffer")
                            && frame.getMethodName().equals("blockAfterWriteIfNeeded"));
            if (waiting) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no thread came to wait for the client to read its responses");
    }

    private static void assertEveryOtherConnectionIsServed() throws IOException {
        List<Socket> others = new ArrayList<>();
        try {
            for (int i = 0; i < OTHER_CONNECTIONS; i++) {
                Socket other = connect();
                others.add(other);
                other.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(US_ASCII));
            }
            for (Socket other : others) {
                assertThat(statusLine(other)).isEqualTo("HTTP/1.1 200 OK");
            }
        } finally {
            for (Socket other : others) {
                other.close();
            }
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", node.port());
        socket.setSoTimeout(ANSWER_TIMEOUT_MS);
        return socket;
    }

    private static String statusLine(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII)).readLine();
    }
}
