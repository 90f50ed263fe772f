package io.flowgate.bootstrap;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.adapter.in.rest.HttpAnswer;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request that asks to switch to another protocol is answered in HTTP/1.1, its body read as
 * HTTP/1.1 frames it, and its connection serves the next request (DeclineProtocolUpgrades). Before,
 * such a POST went unanswered until the client gave up, and the JDK's HttpClient asks for h2c on
 * every {@code http://} URL unless told otherwise.
 */
class ProtocolUpgradeTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    @Test
    void tokenRequestAskingForH2c_isAnsweredInHttp11_andItsConnectionServesTheNextRequest() throws IOException {
        OrgAdmin acme = node.createOrg("acme");
        ApiClient client = ApiClient.register(node, acme, "ES256");
        byte[] body = TokenForm.of(client.assertion().sign()).encode().getBytes(US_ASCII);
        String head = "POST /orgs/acme/oauth2/v1/token HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n";
        try (Socket socket = node.connect()) {
            socket.getOutputStream().write(head.getBytes(US_ASCII));
            socket.getOutputStream().write(body);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));

            HttpAnswer token = HttpAnswer.read(in); // a token needs the whole body: the assertion is in it
            socket.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(US_ASCII));
            HttpAnswer next = HttpAnswer.read(in);

            assertThat(token.status()).as(token.body()).isEqualTo(200);
            assertThat(token.body()).contains("\"access_token\"");
            assertThat(next.status()).as(next.body()).isEqualTo(200);
        }
    }

    @Test
    void webSocketUpgradeRequest_isAnsweredAsAPlainRequest_andItsConnectionServesTheNextRequest() throws IOException {
        String request = "GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n";
        try (Socket socket = node.connect()) {
            socket.getOutputStream().write(request.getBytes(US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));

            HttpAnswer answer = HttpAnswer.read(in);
            socket.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(US_ASCII));
            HttpAnswer next = HttpAnswer.read(in); // Grizzly closed an upgraded connection after its answer

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(next.status()).as(next.body()).isEqualTo(200);
        }
    }

    @Test
    void jdkHttpClientWithItsDefaults_getsATokenOverPlainHttp() throws Exception {
        OrgAdmin acme = node.createOrg("acme");
        ApiClient client = ApiClient.register(node, acme, "ES256");
        HttpClient defaults = HttpClient.newHttpClient(); // prefers HTTP/2, so it offers h2c
        HttpRequest request = HttpRequest.newBuilder(node.http().uri("/orgs/acme/oauth2/v1/token"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(TokenForm.of(client.assertion().sign()).encode()))
                .build();

        HttpResponse<String> response = defaults.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.body()).contains("\"access_token\"");
    }
}
