package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.Http.json;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.adapter.in.rest.HttpAnswer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A request Grizzly's HTTP parser refuses before any route sees it gets the status that names its
 * fault and a problem body, or an OAuth error at the authorization server's endpoints, like every
 * other refusal (MalformedRequestAnswers); Grizzly's own answer was a 400 or 505 with an empty body,
 * and for a long request line without even a date.
 * The connection is closed after the answer, and the node goes on serving others.
 */
class MalformedRequestTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static final String LONG = "a".repeat(9_000); // the head's limit is 8 KiB
    private static final String BROKEN_CHUNK = "Transfer-Encoding: chunked\r\n\r\nzz\r\n"; // zz is no chunk size
    private static final String FIELDS_OVER_THE_LIMIT =
            "the request's header fields exceed the 8192 bytes allowed for a request's head, or number more than 100";
    private static final String NOT_VALID = "the request is not valid HTTP/1.1";
    private static final String NEXT_REQUEST = "GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";

    @Test
    void requestLineOverTheLimit_is414WithAProblemBody() throws IOException {
        HttpAnswer answer = send("GET /health/live?q=" + LONG + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertProblem(answer, 414, "the request line is longer than the 8192 bytes allowed for a request's head");
        assertThat(answer.headers()).containsKey("date"); // Grizzly's own answer lacked it here
    }

    @Test
    void headerFieldOverTheLimit_is431WithAProblemBody() throws IOException {
        HttpAnswer answer = send("GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Big: " + LONG + "\r\n\r\n");

        assertProblem(answer, 431, FIELDS_OVER_THE_LIMIT);
    }

    @Test
    void moreThanAHundredHeaderFields_is431() throws IOException {
        String fields = "X-Field: 1\r\n".repeat(101);

        HttpAnswer answer = send("GET /health/live HTTP/1.1\r\nHost: localhost\r\n" + fields + "\r\n");

        assertProblem(answer, 431, FIELDS_OVER_THE_LIMIT);
    }

    @Test
    void http11RequestWithoutHost_is400WithAProblemBody() throws IOException {
        assertNotValid("GET /health/live HTTP/1.1\r\n\r\n");
    }

    @Test
    void headerLineWithoutAColon_is400AtOnce() throws IOException {
        // Grizzly waited for a colon in the lines to come until the connection idled out, 30 s;
        // the socket's read gives up after 5 s.
        assertNotValid("GET /health/live HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n");
    }

    @Test
    void headerLineWithoutAColon_arrivingInPieces_is400() throws IOException, InterruptedException {
        // The server waits for the colon; the rest then joins the first piece in a buffer without an
        // array, which Grizzly parses by its other path (parseHeaderName(Buffer)).
        assertProblem(sendInPieces("GET /health/live HTTP/1.1\r\nHost: localhost\r\nNo col", "on here\r\n\r\n"),
                400, NOT_VALID);
    }

    @Test
    void spaceBeforeAFieldNamesColon_is400AndTheBodyIsNotRead() throws IOException {
        // RFC 9112, 5.1: a proxy in front may have taken this for the body's length; Grizzly took it
        // for a field named "content-length " and read no body, leaving "hello" as the next request.
        assertNotValid("POST /health/live HTTP/1.1\r\nHost: localhost\r\nContent-Length : 5\r\n\r\nhello");
    }

    @Test
    void fieldNameThatIsNotAToken_is400() throws IOException {
        assertNotValid("GET /health/live HTTP/1.1\r\nHost: localhost\r\nX(a): b\r\n\r\n");
    }

    @Test
    void emptyFieldName_is400() throws IOException {
        assertNotValid("GET /health/live HTTP/1.1\r\nHost: localhost\r\n: b\r\n\r\n");
    }

    @Test
    void nulInAFieldValue_is400() throws IOException {
        assertNotValid("GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-A: a\u0000b\r\n\r\n");
    }

    @Test
    void loneCarriageReturnInAFieldValue_is400() throws IOException {
        assertNotValid("GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-A: a\rbc\r\n\r\n");
    }

    @Test
    void nulInAFieldValue_arrivingInPieces_is400() throws IOException, InterruptedException {
        // As above, the head is then parsed from a buffer without an array.
        assertProblem(sendInPieces("GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-A: a", "\u0000b\r\n\r\n"),
                400, NOT_VALID);
    }

    @Test
    void tabAndUtf8InAFieldValue_areServed() throws IOException {
        assertServed("GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-A: a\tb \u00c3\u00a0\r\n"
                + "Connection: close\r\n\r\n");
    }

    @Test
    void fieldValueFoldedOntoTheNextLine_isServed() throws IOException {
        // RFC 9112, 5.2: a server may replace the fold with spaces instead of refusing it, as Grizzly does.
        assertServed("GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-A: a\r\n b\r\n"
                + "Connection: close\r\n\r\n");
    }

    @Test
    void requestLineWithoutASpace_is400AtOnce() throws IOException {
        // Grizzly looked for the method's end past the line's end until the connection idled out.
        assertNotValid("GARBAGE\r\n\r\n");
    }

    @Test
    void requestLineWithoutASpace_arrivingInPieces_is400() throws IOException, InterruptedException {
        assertProblem(sendInPieces("GAR", "BAGE\r\n\r\n"), 400, NOT_VALID);
    }

    @Test
    void emptyLinesBeforeTheRequestLine_areIgnored() throws IOException {
        // RFC 9112, section 2.2; Grizzly read them as part of the method and answered 405.
        assertServed("\r\n\n\r\nGET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    @Test
    void secondRequestOnAConnection_withoutASpace_is400AfterTheFirstIsServed() throws IOException {
        assertSecondRequestRefused("GARBAGE\r\n\r\n", 400, NOT_VALID);
    }

    @Test
    void secondRequestOnAConnection_withAMethodOverTheLimit_is414AfterTheFirstIsServed() throws IOException {
        // Grizzly failed to encode the answer to a second request whose method it had not read,
        // and closed the connection without one.
        assertSecondRequestRefused(LONG + " / HTTP/1.1\r\n\r\n", 414,
                "the request line is longer than the 8192 bytes allowed for a request's head");
    }

    @Test
    void secondRequestOnAConnection_namingHttp20_is505AfterTheFirstIsServed() throws IOException {
        assertSecondRequestRefused("GET /health/live HTTP/2.0\r\nHost: localhost\r\n\r\n", 505,
                "only HTTP/1.1 and HTTP/1.0 are served");
    }

    @Test
    void extraLineEndAfterABody_theNextRequestIsServed() throws IOException {
        // Some clients end a POST body with a CRLF they do not count; their next request follows it.
        try (Socket socket = node.connect()) {
            socket.getOutputStream().write(("POST /api/v1/orgs HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}\r\n"
                    + "GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));

            assertThat(HttpAnswer.read(in).status()).isEqualTo(401); // no operator token
            HttpAnswer next = HttpAnswer.read(in);
            assertThat(next.status()).as(next.body()).isEqualTo(200);
        }
    }

    @Test
    void brokenPercentEscapeInTheQuery_is400WithAProblemBody() throws IOException {
        // Jersey failed on it, and Grizzly answered 500 with an HTML page naming itself.
        assertNotValid("GET /health/live?a=%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");
    }

    @Test
    void controlCharacterInThePath_is400WithAProblemBody() throws IOException {
        assertNotValid("GET /health/li\u007fve HTTP/1.1\r\nHost: localhost\r\n\r\n");
    }

    @Test
    void noBreakSpaceInThePath_is400WithAProblemBody() throws IOException {
        // The byte 0xA0, which Jersey reads as a space.
        assertNotValid("GET /health/li\u00a0ve HTTP/1.1\r\nHost: localhost\r\n\r\n");
    }

    @Test
    void lineSeparatorInUtf8InTheQuery_is400WithAProblemBody() throws IOException {
        // U+2028, which Jersey decodes the query to and then refuses.
        assertNotValid("GET /health/live?q=\u00e2\u0080\u00a8 HTTP/1.1\r\nHost: localhost\r\n\r\n");
    }

    @Test
    void utf8LeftUnencodedInTheQuery_isServed() throws IOException {
        // "à" and "日": their bytes, read as one character each, hold a no-break space and a control character.
        assertServed("GET /health/live?q=\u00c3\u00a0\u00e6\u0097\u00a5 HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
    }

    @Test
    void braceInThePath_is400WithAProblemBody() throws IOException {
        assertNotValid("GET /health/{live} HTTP/1.1\r\nHost: localhost\r\n\r\n");
    }

    @Test
    void quoteInTheQuery_is400WithAProblemBody() throws IOException {
        // Jersey encodes some characters clients leave unencoded in a query, but not this one.
        assertNotValid("GET /health/live?q=\"a\" HTTP/1.1\r\nHost: localhost\r\n\r\n");
    }

    @Test
    void queryWithCharactersClientsLeaveUnencoded_isServed() throws IOException {
        assertServed("GET /health/live?q={a:[1]}|^`\\%20 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    @Test
    void atTheTokenEndpoint_aBrokenPercentEscape_is400WithAnOAuthError() throws IOException {
        HttpAnswer answer = send("POST /orgs/acme/oauth2/v1/token?x=% HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");

        assertOAuthError(answer, 400, NOT_VALID);
    }

    @Test
    void contentLengthBeforeChunked_is400AndTheRestIsNotRead() throws IOException {
        // Grizzly read the body as chunked and served what followed it as the next request.
        assertNotValid("POST /health/live HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + NEXT_REQUEST);
    }

    @Test
    void chunkedBeforeContentLength_is400() throws IOException {
        assertNotValid("POST /health/live HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Length: 5\r\n\r\n0\r\n\r\n" + NEXT_REQUEST);
    }

    @Test
    void transferCodingOtherThanChunkedLast_is400() throws IOException {
        // The body's end cannot be found; Grizzly took the body as empty and read on.
        assertNotValid("POST /health/live HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: xchunked\r\n\r\n"
                + NEXT_REQUEST);
    }

    @Test
    void chunkedTwice_is400() throws IOException {
        assertNotValid("POST /health/live HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + NEXT_REQUEST);
    }

    @Test
    void codingBeforeChunked_is501() throws IOException {
        // Grizzly undid the chunks and passed the gzip-coded bytes on as the body.
        HttpAnswer answer = send("POST /health/live HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                + "0\r\n\r\n" + NEXT_REQUEST);

        assertProblem(answer, 501, "a transfer coding other than chunked is not supported");
    }

    @Test
    void chunkedAlone_isReadAndTheConnectionServesTheNextRequest() throws IOException {
        try (Socket socket = node.connect()) {
            socket.getOutputStream().write(("POST /health/live HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: Chunked\r\n\r\n"
                    + "0\r\n\r\n" + NEXT_REQUEST).getBytes(US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));

            assertThat(HttpAnswer.read(in).status()).isEqualTo(405); // the route takes GET only
            HttpAnswer next = HttpAnswer.read(in);
            assertThat(next.status()).as(next.body()).isEqualTo(200);
        }
    }

    @Test
    void twoDifferentContentLengths_are400WithAProblemBody() throws IOException {
        assertNotValid("POST /api/v1/orgs HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd");
    }

    @Test
    void brokenChunk_is400WithAProblemBody() throws IOException {
        assertNotValid("POST /api/v1/orgs HTTP/1.1\r\nHost: localhost\r\n"
                + BROKEN_CHUNK);
    }

    @Test
    void brokenChunk_leavesNoWarningInTheLog() throws IOException {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger grizzly = Logger.getLogger("org.glassfish.grizzly");
        grizzly.addHandler(capture);
        try {
            HttpAnswer answer = send("POST /api/v1/orgs HTTP/1.1\r\nHost: localhost\r\n"
                    + BROKEN_CHUNK);

            assertThat(answer.status()).isEqualTo(400);
            assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
        } finally {
            grizzly.removeHandler(capture);
        }
    }

    @Test
    void atTheTokenEndpoint_headerFieldsOverTheLimit_are431WithAnOAuthError() throws IOException {
        HttpAnswer answer = send("POST /orgs/acme/oauth2/v1/token HTTP/1.1\r\nHost: localhost\r\nX-Big: " + LONG
                + "\r\nContent-Length: 0\r\n\r\n");

        assertOAuthError(answer, 431, FIELDS_OVER_THE_LIMIT);
    }

    @Test
    void atTheTokenEndpoint_aBrokenChunk_is400WithAnOAuthError() throws IOException {
        HttpAnswer answer = send("POST /orgs/acme/oauth2/v1/token HTTP/1.1\r\nHost: localhost\r\n"
                + BROKEN_CHUNK);

        assertOAuthError(answer, 400, NOT_VALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/3.0", "HTTP/2.0", "HTTP/2", "HTTP/1.2", "HTTP/1.10", "http/1.1", "HTTP/1.1x"})
    void anotherHttpVersion_is505WithAProblemBody(String version) throws IOException {
        // Grizzly knows HTTP/2.0 and served it as HTTP/1.1, though Flowgate does not speak it.
        assertVersionRefused("GET /health/live " + version + "\r\nHost: localhost\r\n\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/orgs", "/orgs/acme/api/flo/greet/invoke"})
    void http20_is505WithAProblemBody_atEveryRoute(String path) throws IOException {
        assertVersionRefused("POST " + path + " HTTP/2.0\r\nHost: localhost\r\nContent-Length: 2\r\n\r\n{}");
    }

    @Test
    void atTheTokenEndpoint_http20_is505WithAnOAuthError() throws IOException {
        String form = "grant_type=client_credentials&scope=flows.invoke";
        HttpAnswer answer = send("POST /orgs/acme/oauth2/v1/token HTTP/2.0\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length() + "\r\n\r\n" + form);

        assertOAuthError(answer, 505, "only HTTP/1.1 and HTTP/1.0 are served");
    }

    @Test
    void http2ConnectionPreface_is505AtOnce() throws IOException {
        // What an HTTP/2 client that assumes the server speaks it sends first: the preface, then its
        // SETTINGS frame (empty here). Grizzly read the preface as a request whose body runs to the
        // connection's end and left it unanswered; the socket's read gives up after 5 s.
        assertVersionRefused("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + "\u0000\u0000\u0000\u0004\u0000\u0000\u0000\u0000\u0000");
    }

    @Test
    void requestLineWithoutAVersion_is505AtOnce() throws IOException {
        // HTTP/0.9's form: Grizzly served it (without a Host) once an empty line followed, and a lone
        // line, all an HTTP/0.9 client sends, waited for header fields until the connection idled
        // out; the socket's read gives up after 5 s.
        assertVersionRefused("GET /health/live\r\n");
    }

    @Test
    void http09Named_is505() throws IOException {
        assertVersionRefused("GET /health/live HTTP/0.9\r\nHost: localhost\r\n\r\n");
    }

    @Test
    void http10WithoutHost_isServed() throws IOException {
        assertServed("GET /health/live HTTP/1.0\r\n\r\n"); // HTTP/1.0 closes after the answer
    }

    @Test
    void afterARefusedHead_theNodeServesTheNextConnection() throws IOException {
        send("GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Big: " + LONG + "\r\n\r\n");

        HttpAnswer next = send("GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(next.status()).as(next.body()).isEqualTo(200);
    }

    /**
     * Sends the request on a new connection, a byte per character (so "\u00c3\u00a0" sends UTF-8's
     * two bytes for "à"), reads the answer, and checks that the server closed the connection.
     */
    private static HttpAnswer send(String request) throws IOException {
        try (Socket socket = node.connect()) {
            socket.getOutputStream().write(request.getBytes(ISO_8859_1));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));
            HttpAnswer answer = HttpAnswer.read(in);
            assertThat(in.read()).as("the connection is closed after the answer").isEqualTo(-1);
            return answer;
        }
    }

    /** Sends the first piece, waits until the server has read it alone, then the rest; reads the answer. */
    private static HttpAnswer sendInPieces(String first, String rest) throws IOException, InterruptedException {
        try (Socket socket = node.connect()) {
            socket.getOutputStream().write(first.getBytes(US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(200);
            socket.getOutputStream().write(rest.getBytes(US_ASCII));
            return HttpAnswer.read(new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII)));
        }
    }

    /** Sends the request on a new connection: it is answered 400 with a problem body. */
    private static void assertNotValid(String request) throws IOException {
        assertProblem(send(request), 400, NOT_VALID);
    }

    /** Sends the request, which leaves the connection to close after it, on a new connection: it is answered 200. */
    private static void assertServed(String request) throws IOException {
        HttpAnswer answer = send(request);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** Sends the request on a new connection: it is answered 505 with a problem body. */
    private static void assertVersionRefused(String request) throws IOException {
        assertProblem(send(request), 505, "only HTTP/1.1 and HTTP/1.0 are served");
    }

    /** Sends a good request and then the refused one on the same connection: both are answered. */
    private static void assertSecondRequestRefused(String second, int status, String detail) throws IOException {
        try (Socket socket = node.connect()) {
            socket.getOutputStream().write(("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n" + second)
                    .getBytes(US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));

            assertThat(HttpAnswer.read(in).status()).isEqualTo(200);
            assertProblem(HttpAnswer.read(in), status, detail);
        }
    }

    /** As the token endpoint answers every refusal (DESIGN.md: OAuth errors, never cached). */
    private static void assertOAuthError(HttpAnswer answer, int status, String description) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers()).containsEntry("content-type", "application/json")
                .containsEntry("cache-control", "no-store")
                .containsEntry("connection", "close");
        JsonNode error = json(answer.body());
        assertThat(error.path("error").asText()).isEqualTo("invalid_request");
        assertThat(error.path("error_description").asText()).isEqualTo(description);
    }

    private static void assertProblem(HttpAnswer answer, int status, String detail) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers()).containsEntry("content-type", "application/problem+json")
                .containsEntry("connection", "close");
        JsonNode problem = json(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo("about:blank");
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotEmpty();
        assertThat(problem.path("detail").asText()).isEqualTo(detail);
    }
}
