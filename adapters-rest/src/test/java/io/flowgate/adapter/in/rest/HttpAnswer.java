package io.flowgate.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 answer read off a raw socket, for tests that pipeline requests or leave answers unread, which an
 * HTTP client library would not let them do. Only answers with a {@code Content-Length} body are read.
 *
 * @param headers by lowercased name, the last value of each
 */
public record HttpAnswer(int status, Map<String, String> headers, String body) {

    public static HttpAnswer read(BufferedReader in) throws IOException {
        String statusLine = in.readLine();
        assertThat(statusLine).startsWith("HTTP/1.1 ");
        Map<String, String> headers = new HashMap<>();
        for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        assertThat(headers).as("headers").containsKey("content-length");
        int length = Integer.parseInt(headers.get("content-length"));
        char[] body = new char[length];
        for (int read = 0; read < length; ) {
            int n = in.read(body, read, length - read);
            // At the end of the stream read answers -1 for ever: fail rather than loop.
            assertThat(n).as("the connection closed after %d of %d body characters", read, length).isPositive();
            read += n;
        }
        return new HttpAnswer(Integer.parseInt(statusLine.substring(9, 12)), headers, new String(body));
    }
}
