package io.flowgate.adapter.in.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every response carries {@code Date} (RFC 9110 §6.6.1): clients whose assertions are refused for
 * time reasons compare it with their own clock. The HTTP server does not add it by itself.
 */
final class DateHeaderFilter implements ContainerResponseFilter {

    /**
     * IMF-fixdate (RFC 9110 §5.6.7), the one format a sender may use: its day has two digits, where
     * {@link DateTimeFormatter#RFC_1123_DATE_TIME} writes the first nine days of a month with one.
     */
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** The header's text for one second: formatted once a second rather than once a response. */
    private record Formatted(long epochSecond, String text) {
    }

    private volatile Formatted latest = new Formatted(Long.MIN_VALUE, "");

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(HttpHeaders.DATE)) {
            response.getHeaders().putSingle(HttpHeaders.DATE, httpDate(Instant.now()));
        }
    }

    String httpDate(Instant instant) {
        Formatted formatted = latest;
        if (formatted.epochSecond() != instant.getEpochSecond()) {
            formatted = new Formatted(instant.getEpochSecond(), IMF_FIXDATE.format(instant));
            latest = formatted;
        }
        return formatted.text();
    }
}
