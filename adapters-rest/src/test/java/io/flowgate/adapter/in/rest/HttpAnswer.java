package io.flowgate.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * One HTTP/1.1 answer read off a raw socket, for tests that pipeline requests or leave answers unread, which an
 * HTTP client library would not let them do. Only answers with a {@code Content-Length} body are read.
 */
public record HttpAnswer(int status, String body) {

    public static HttpAnswer read(BufferedReader in) throws IOException {
        String statusLine = in.readLine();
        assertThat(statusLine).startsWith("HTTP/1.1 ");
        int length = -1;
        for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
            int colon = header.indexOf(':');
            if (header.substring(0, colon).equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(header.substring(colon + 1).trim());
            }
        }
        assertThat(length).as("Content-Length").isNotNegative();
        char[] body = new char[length];
        for (int read = 0; read < length; ) {
            int n = in.read(body, read, length - read);
            // At the end of the stream read answers -1 for ever: fail rather than loop.
            assertThat(n).as("the connection closed after %d of %d body characters", read, length).isPositive();
            read += n;
        }
        return new HttpAnswer(Integer.parseInt(statusLine.substring(9, 12)), new String(body));
    }
}
