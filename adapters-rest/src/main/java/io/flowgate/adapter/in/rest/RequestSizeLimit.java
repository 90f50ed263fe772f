package io.flowgate.adapter.in.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over a limit with 413, before reading them when Content-Length says so,
 * and while reading when it does not (chunked bodies), so no body is ever buffered whole. The
 * authorization server's endpoints have their own, smaller limit: their forms are tiny.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class RequestSizeLimit implements ContainerRequestFilter {

    /** The token, introspection and revocation forms (RFC 6749 bodies are a few KiB at most). */
    public static final long OAUTH_MAX_BYTES = 64 * 1024;

    private final long adminMaxBytes;
    private final long invokeMaxBytes;

    /** @param invokeMaxBytes the largest body a flow's invoke URL takes ({@code FLOWGATE_MAX_BODY}) */
    public RequestSizeLimit(long adminMaxBytes, long invokeMaxBytes) {
        this.adminMaxBytes = adminMaxBytes;
        this.invokeMaxBytes = invokeMaxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        long maxBytes = OrgRoutes.isOAuth(path) ? OAUTH_MAX_BYTES
                : OrgRoutes.isInvoke(path) ? invokeMaxBytes
                : adminMaxBytes;
        if (request.getLength() > maxBytes) {
            throw new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
        request.setEntityStream(new Limited(request.getEntityStream(), maxBytes));
    }

    private static final class Limited extends FilterInputStream {

        private long remaining;

        Limited(InputStream in, long maxBytes) {
            super(in);
            this.remaining = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            remaining -= n;
            if (remaining < 0) {
                throw new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
            }
        }
    }
}
