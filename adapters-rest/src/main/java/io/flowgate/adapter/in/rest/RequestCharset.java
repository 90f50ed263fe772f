package io.flowgate.adapter.in.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;

/**
 * Refuses a request whose Content-Type names a charset this server cannot decode, with 415, before
 * anything reads the body: JAX-RS's readers would fail on it with an unchecked exception, a 500.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public final class RequestCharset implements ContainerRequestFilter {

    /** Names no part of the request: the charset is the client's text. */
    static final String UNSUPPORTED = "the charset named in Content-Type is not one this server can decode:"
            + " send the body in UTF-8";

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !supported(charset)) {
            request.abortWith(Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED));
        }
    }

    private static boolean supported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
