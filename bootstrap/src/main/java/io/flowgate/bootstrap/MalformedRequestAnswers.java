package io.flowgate.bootstrap;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.flowgate.adapter.in.rest.OrgRoutes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.logging.Logger;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.DefaultFilterChain;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.HttpBrokenContentException;
import org.glassfish.grizzly.http.HttpCodecFilter.HeaderParsingState;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpPacketParsing;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.BufferChunk;
import org.glassfish.grizzly.http.util.ByteChunk;
import org.glassfish.grizzly.http.util.DataChunk;
import org.glassfish.grizzly.http.util.Header;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * Answers a request that is not HTTP/1.1 Flowgate can serve with the status that names the fault
 * and a body saying what it is, as every other refusal does: 414 for a request line over the
 * head's limit, 431 for header fields over it or too many of them, 505 for another HTTP version
 * (HTTP/0.9 too, and a request line without a version),
 * 501 for a transfer coding other than chunked, 400 for the rest (no {@code Host}, two different
 * {@code Content-Length}s, a request line without a space, a request target that is not a URI, a
 * header line without a colon, a field name that is not a token, a control character in a field
 * value, a body framed two ways, a broken chunk). The body is a problem, or
 * an OAuth error under {@code /oauth2/}. Grizzly's HTTP parser answers some of these itself, before
 * any handler sees the request, with a 400 or 505 and an empty body, and lets others through, so
 * its parser is replaced by this subclass of it, built as Grizzly's own server builds it. The
 * connection is closed after the answer, as Grizzly does. Empty lines before a request line are
 * skipped, as RFC 9112 asks.
 */
final class MalformedRequestAnswers implements AddOn {

    /** Held here because java.util.logging forgets the settings of a logger nobody references. */
    private static final Logger FILTER_CHAIN_LOG = Logger.getLogger(DefaultFilterChain.class.getName());

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder chain) {
        int index = chain.indexOfType(HttpServerFilter.class);
        chain.set(index, new Parser(listener, (HttpServerFilter) chain.get(index)));
        // A body whose chunked framing is broken has been answered 400 when Grizzly's filter chain
        // meets the error again and logs it as a warning with its stack trace: the client's fault,
        // not the server's, and a client must not be able to fill the log.
        FILTER_CHAIN_LOG.setFilter(record -> !(record.getThrown() instanceof HttpBrokenContentException));
    }

    private static final class Parser extends HttpServerFilter {

        private final int headLimit;
        private final int fieldLimit;

        @SuppressWarnings("deprecation") // the constructor Grizzly's HttpServer itself uses
        Parser(NetworkListener listener, HttpServerFilter replaced) {
            super(listener.isChunkingEnabled(), headLimit(listener), null, listener.getKeepAlive(), null,
                    listener.getMaxRequestHeaders(), listener.getMaxResponseHeaders());
            this.headLimit = headLimit(listener);
            this.fieldLimit = listener.getMaxRequestHeaders();
            setAllowPayloadForUndefinedHttpMethods(replaced.isAllowPayloadForUndefinedHttpMethods());
            setMaxPayloadRemainderToSkip(replaced.getMaxPayloadRemainderToSkip());
            for (var encoding : replaced.getContentEncodings()) {
                addContentEncoding(encoding);
            }
            getMonitoringConfig().addProbes(replaced.getMonitoringConfig().getProbes());
        }

        private static int headLimit(NetworkListener listener) {
            int configured = listener.getMaxHttpHeaderSize();
            return configured == -1 ? DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE : configured;
        }

        /*
         * Grizzly reads a request line's method up to its first space, past the line's end: a line
         * without a space ("GARBAGE") left the request waiting, unanswered, until the connection
         * idled out (30 s), and an empty line before a request line, which RFC 9112 (2.2) asks a
         * server to ignore, became part of the method and was answered 405. Looks only at the
         * bytes Grizzly has not yet searched for the method's end, a few per request.
         */
        @Override
        protected boolean decodeHttpPacket(FilterChainContext context, HttpPacketParsing packet, Buffer input) {
            HeaderParsingState state = packet.getHeaderParsingState();
            if (state.state == 0 && state.subState == 0) {
                int limit = Math.min(input.limit(), state.packetLimit);
                int i = state.offset;
                if (i == state.start) { // no byte of the method read yet
                    while (i < limit && isLineEnd(input.get(i))) {
                        i++;
                    }
                    state.start = i;
                    state.offset = i;
                }
                for (; i < limit && input.get(i) != ' ' && input.get(i) != '\t'; i++) {
                    if (isLineEnd(input.get(i))) {
                        throw new IllegalStateException("a request line without a space"); // answered 400
                    }
                }
            }
            boolean parsed = super.decodeHttpPacket(context, packet, input);
            if (state.state > 0) { // the request line is read
                refuseOtherVersions((HttpRequestPacket) packet);
            }
            return parsed;
        }

        /*
         * Only HTTP/1.1 and HTTP/1.0 are served; every other version is answered 505 as soon as the
         * request line is read, in HTTP/1.1. Grizzly refused only versions it does not know, after
         * the head: it took a request line without a version ("GET /path"), or one naming HTTP/0.9,
         * for an HTTP/0.9 request, served without a Host and waiting, for a lone line, for header
         * fields such a client never sends, until the connection idled out; it served HTTP/2.0 as
         * HTTP/1.1; and it read HTTP/2's connection preface ("PRI * HTTP/2.0") as a request whose
         * body runs to the connection's end, leaving it unanswered. Compares the bytes in place.
         */
        private static void refuseOtherVersions(HttpRequestPacket request) {
            DataChunk version = request.getProtocolDC();
            if (!Protocol.HTTP_1_1.equals(version) && !Protocol.HTTP_1_0.equals(version)) {
                request.setProtocol(Protocol.HTTP_1_1);
                HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505.setValues(request.getResponse());
                throw new IllegalStateException("an HTTP version other than 1.1 and 1.0"); // answered 505
            }
        }

        /*
         * Grizzly looks for a header name's colon past the line's end, so a line without one left
         * the request waiting for more bytes until the connection idled out (30 s), unanswered.
         * Asked only when no colon is among the bytes read so far: a whole head costs nothing more.
         */
        @Override
        protected boolean parseHeaderName(HttpHeader header, MimeHeaders headers, HeaderParsingState state,
                byte[] input, int end) {
            if (super.parseHeaderName(header, headers, state, input, end)) {
                return true;
            }
            for (int i = state.arrayOffset + state.start; i < state.arrayOffset + state.offset; i++) {
                rejectLineEnd(input[i]);
            }
            return false;
        }

        @Override
        protected boolean parseHeaderName(HttpHeader header, MimeHeaders headers, HeaderParsingState state, Buffer input) {
            if (super.parseHeaderName(header, headers, state, input)) {
                return true;
            }
            for (int i = state.start; i < state.offset; i++) {
                rejectLineEnd(input.get(i));
            }
            return false;
        }

        private static boolean isLineEnd(byte b) {
            return b == '\r' || b == '\n';
        }

        private static void rejectLineEnd(byte b) {
            if (isLineEnd(b)) {
                throw new IllegalStateException("a header line without a colon"); // answered 400
            }
        }

        /**
         * Refuses, once the head is read, what Grizzly would pass on: a request target that is not a
         * URI, on which Jersey failed and Grizzly answered 500 with an HTML page naming itself; and a
         * body whose end two readers of the request could find in different places (RFC 9112, 6.1
         * and 6.3), which Grizzly read as chunked, keeping the connection open.
         */
        @Override
        protected boolean onHttpHeaderParsed(HttpHeader header, Buffer buffer, FilterChainContext context) {
            if (super.onHttpHeaderParsed(header, buffer, context)) {
                return true;
            }
            HttpRequestPacket request = (HttpRequestPacket) header;
            // Each as Jersey reads it: the path a character per byte, the query as UTF-8.
            if (!isUri(request.getRequestURI(), REFUSED_IN_PATH)
                    || !isUri(request.getQueryStringDC().toString(UTF_8), REFUSED_IN_QUERY)) {
                return true; // answered 400
            }
            if (!areFields(request.getHeaders())) {
                return true; // answered 400
            }
            HeaderParsingState state = ((HttpPacketParsing) request).getHeaderParsingState();
            HttpStatus framing = refusedFraming(request.getHeaders(), state);
            if (framing != null) {
                framing.setValues(request.getResponse());
                return true;
            }
            return false;
        }

        /**
         * What java.net.URI, which Jersey builds the request's URI with, refuses in a path, or in a
         * query after Jersey has encoded the characters clients commonly leave unencoded there
         * ({@code {}\^|`}); and a fragment's mark, which a request never carries (RFC 9112, 3.2).
         */
        private static final String REFUSED_IN_PATH = "#\"<>[\\]^`{|}";
        private static final String REFUSED_IN_QUERY = "#\"<>";

        /**
         * No control character or space (java.net.URI's rule, beyond ASCII too), none of {@code
         * refused}, and a percent sign only before two hex digits.
         */
        private static boolean isUri(String text, String refused) {
            if (text == null) {
                return true;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isISOControl(c) || Character.isSpaceChar(c) || refused.indexOf(c) >= 0
                        || c == '%' && !(i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2)))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isHex(char c) {
            return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
        }

        /**
         * Each field's name a token and its value free of control characters but tab (RFC 9110, 5.1
         * and 5.5). Grizzly took any bytes before the colon as the name, so "Content-Length : 5" was
         * a field of another name that a proxy in front may have read as the body's length, which
         * RFC 9112 (5.1) asks a server to refuse with 400; and it kept a NUL or a lone CR in a
         * value, which RFC 9110 calls dangerous. A line folded onto the next stays accepted: Grizzly
         * joins it with a space, as RFC 9112 (5.2) allows.
         */
        private static boolean areFields(MimeHeaders headers) {
            for (int i = 0; i < headers.size(); i++) {
                DataChunk name = headers.getName(i);
                if (name.getLength() == 0 || !all(name, Parser::isTokenByte) || !all(headers.getValue(i), Parser::isValueByte)) {
                    return false;
                }
            }
            return true;
        }

        private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

        private static boolean isTokenByte(int b) {
            return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || TOKEN_SYMBOLS.indexOf(b) >= 0;
        }

        private static boolean isValueByte(int b) {
            return b >= ' ' && b != 0x7f || b == '\t';
        }

        /** Whether every byte of the chunk, as the parser left it (bytes, a buffer's, or text), passes. */
        private static boolean all(DataChunk chunk, IntPredicate test) {
            switch (chunk.getType()) {
                case Bytes -> {
                    ByteChunk bytes = chunk.getByteChunk();
                    byte[] array = bytes.getBuffer();
                    for (int i = bytes.getStart(); i < bytes.getEnd(); i++) {
                        if (!test.test(array[i] & 0xff)) {
                            return false;
                        }
                    }
                }
                case Buffer -> {
                    BufferChunk bytes = chunk.getBufferChunk();
                    Buffer buffer = bytes.getBuffer();
                    for (int i = bytes.getStart(); i < bytes.getEnd(); i++) {
                        if (!test.test(buffer.get(i) & 0xff)) {
                            return false;
                        }
                    }
                }
                default -> {
                    String text = chunk.toString();
                    for (int i = 0; text != null && i < text.length(); i++) {
                        if (!test.test(text.charAt(i))) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }

        /**
         * A body is framed by its length or by chunks, never both, and chunked must be the last
         * coding, applied once: else a proxy in front may have framed it otherwise, and the bytes after
         * it could be read as a request that proxy never saw. Null when the framing is sound; 501 for
         * a coding before the chunks, which Flowgate does not decode; 400 for the rest.
         */
        private static HttpStatus refusedFraming(MimeHeaders headers, HeaderParsingState state) {
            if (headers.getValue(Header.TransferEncoding) == null) {
                return null;
            }
            // Grizzly drops a Content-Length read before "chunked" from the fields, but has counted it.
            if (state.contentLengthHeadersCount > 0 || headers.getValue(Header.ContentLength) != null) {
                return HttpStatus.BAD_REQUEST_400;
            }
            List<String> codings = new ArrayList<>();
            for (String value : headers.values(Header.TransferEncoding)) {
                for (String coding : value.split(",", -1)) {
                    codings.add(coding.trim().toLowerCase(Locale.ROOT));
                }
            }
            int last = codings.size() - 1;
            if (codings.indexOf("chunked") == last) {
                return last == 0 ? null : HttpStatus.NOT_IMPLEMENTED_501;
            }
            return HttpStatus.BAD_REQUEST_400;
        }

        /** Picks the status; Grizzly then answers with it (a status it set already, 505, is kept). */
        @Override
        protected void onHttpHeaderError(HttpHeader header, FilterChainContext context, Throwable error)
                throws IOException {
            HttpRequestPacket request = (HttpRequestPacket) header;
            HttpResponsePacket response = request.getResponse();
            HeaderParsingState state = ((HttpPacketParsing) request).getHeaderParsingState();
            boolean inRequestLine = state.state == 0;
            if (inRequestLine) {
                request.setProtocol(Protocol.HTTP_1_1); // not read yet; the answer gets HTTP/1.1's headers
                if (state.subState == 0) {
                    // Nor the method: Grizzly reads it to encode the answer, and on a connection's
                    // second request, which reuses the first one's object, failed on it unanswered.
                    request.setMethod(Method.GET);
                }
            }
            if (response.getStatus() < 400) {
                if (error instanceof MimeHeaders.MaxHeaderCountExceededException) {
                    HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.setValues(response);
                } else if (overLimit(error)) {
                    (inRequestLine ? HttpStatus.REQUEST_URI_TOO_LONG_414 : HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE)
                            .setValues(response);
                }
            }
            super.onHttpHeaderError(header, context, error);
        }

        /** Grizzly's parser reports a head past its limit only by this message (HeaderParsingState.checkOverflow). */
        private static boolean overLimit(Throwable error) {
            return error instanceof IllegalStateException && error.getMessage() != null
                    && error.getMessage().endsWith("is too large");
        }

        @Override
        protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
            int status = response.getStatus();
            String path = response.getRequest().getRequestURI(); // null when the request line was not read
            byte[] body;
            if (path != null && OrgRoutes.isOAuth(path)) {
                body = ("{\"error\":\"invalid_request\",\"error_description\":\"" + detail(status) + "\"}")
                        .getBytes(US_ASCII);
                response.setContentType("application/json");
                response.setHeader(Header.CacheControl, "no-store");
                response.setHeader(Header.Pragma, "no-cache");
            } else {
                body = ("{\"type\":\"about:blank\",\"title\":\"" + response.getReasonPhrase() + "\",\"status\":"
                        + status + ",\"detail\":\"" + detail(status) + "\"}").getBytes(US_ASCII);
                response.setContentType("application/problem+json");
            }
            response.setContentLength(body.length);
            return HttpContent.builder(response)
                    .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
                    .last(true)
                    .build();
        }

        private String detail(int status) {
            return switch (status) {
                case 414 -> "the request line is longer than the " + headLimit + " bytes allowed for a request's head";
                case 431 -> "the request's header fields exceed the " + headLimit + " bytes allowed for a request's head,"
                        + " or number more than " + fieldLimit;
                case 501 -> "a transfer coding other than chunked is not supported";
                case 505 -> "only HTTP/1.1 and HTTP/1.0 are served";
                default -> "the request is not valid HTTP/1.1";
            };
        }
    }
}
