package io.flowgate.bootstrap;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.adapter.in.rest.HttpAnswer;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An issued token is answered on the selector thread of its connection once its commit completes,
 * not by a worker that waited for it (OAuthResource). Over one connection the answers still come in
 * the order of the requests. That a client which does not read its answers holds up nobody else is
 * ConnectionThreadTest's, in the REST adapter.
 */
class TokenAnswerThreadTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    @Test
    void twoPipelinedRequestsWithOneAssertion_areAnsweredInOrder_theSecondRefusedAsAReplay() throws IOException {
        OrgAdmin acme = node.createOrg("acme");
        ApiClient client = ApiClient.register(node, acme, "ES256");
        byte[] request = tokenRequest(client.assertion().sign());
        try (Socket socket = node.connect()) {
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.write(request);
            both.write(request);
            socket.getOutputStream().write(both.toByteArray()); // the second arrives before the first is answered
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));

            HttpAnswer first = HttpAnswer.read(in);
            HttpAnswer second = HttpAnswer.read(in);

            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.body()).contains("\"access_token\"");
            assertThat(second.status()).as(second.body()).isEqualTo(401);
            assertThat(second.body()).contains("already used");
        }
    }

    @Test
    void aPipelinedRequestWhoseBodyArrivesAfterTheAnswerBeforeIt_isAnswered() throws IOException {
        OrgAdmin acme = node.createOrg("acme");
        ApiClient client = ApiClient.register(node, acme, "ES256");
        byte[] first = tokenRequest(client.assertion().sign());
        byte[] second = tokenRequest(client.assertion().sign());
        int split = second.length - 20; // the second request's head and most of its body come with the first
        try (Socket socket = node.connect()) {
            ByteArrayOutputStream start = new ByteArrayOutputStream();
            start.write(first);
            start.write(second, 0, split);
            socket.getOutputStream().write(start.toByteArray());
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));

            HttpAnswer firstAnswer = HttpAnswer.read(in);
            socket.getOutputStream().write(second, split, second.length - split);
            HttpAnswer secondAnswer = HttpAnswer.read(in);

            assertThat(firstAnswer.status()).as(firstAnswer.body()).isEqualTo(200);
            assertThat(secondAnswer.status()).as(secondAnswer.body()).isEqualTo(200);
        }
    }

    private static byte[] tokenRequest(String assertion) {
        byte[] body = TokenForm.of(assertion).encode().getBytes(US_ASCII);
        byte[] head = ("POST /orgs/acme/oauth2/v1/token HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }
}
