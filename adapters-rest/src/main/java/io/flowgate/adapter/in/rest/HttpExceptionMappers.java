package io.flowgate.adapter.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.flowgate.application.port.out.StorageUnavailable;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.stream.Collectors;

/** Errors raised by the HTTP stack itself, and anything unexpected, as problem details. */
final class HttpExceptionMappers {

    private static final System.Logger LOG = System.getLogger(HttpExceptionMappers.class.getName());

    private HttpExceptionMappers() {
    }

    /**
     * Malformed or mistyped JSON. The parser's own message may quote the input and names Java
     * types, so the client gets a plain description and the location, never the raw message.
     */
    static final class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            if (e instanceof UnrecognizedPropertyException unknown) {
                String pointer = pointer(unknown);
                return Problem.response(Response.Status.BAD_REQUEST, "unknown field " + pointer,
                        List.of(new Problem.FieldError(pointer, "this field is not part of the request")));
            }
            // Text that is not JSON inside a tree-valued field (a field given twice in a definition) comes
            // wrapped with the field's path, but is still malformed JSON, not a value of the wrong type.
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                    && !(mapping.getCause() instanceof StreamReadException)) {
                String pointer = pointer(mapping);
                return Problem.response(Response.Status.BAD_REQUEST, "the value at " + pointer + " has the wrong type",
                        List.of(new Problem.FieldError(pointer, "wrong type")));
            }
            return Problem.response(Response.Status.BAD_REQUEST, "the request body is not valid JSON");
        }

        private static String pointer(JsonMappingException e) {
            return e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .map(part -> part.replace("~", "~0").replace("/", "~1"))
                    .collect(Collectors.joining("/", "/", ""));
        }
    }

    /** 401, 404 of unknown routes, 405, 406, 413, 415 ... keep their status and get a problem body. */
    static final class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            Response problem = Problem.response(original.getStatusInfo(), describe(original.getStatus()));
            Response.ResponseBuilder builder = Response.fromResponse(problem);
            original.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(value -> builder.header(name, value));
                }
            });
            // A method the invoke URL has no handler for (PROPFIND, say): Jersey's Allow would list the
            // handlers that only answer 405 themselves.
            if (original.getStatus() == 405 && OrgRoutes.isInvoke(uri.getPath())) {
                builder.header(HttpHeaders.ALLOW, null).header(HttpHeaders.ALLOW, InvokeResource.ALLOWED);
            }
            return builder.build();
        }

        private static String describe(int status) {
            return switch (status) {
                case 401 -> "authentication is required";
                case 404 -> "there is nothing at this URL";
                case 405 -> "this method is not allowed here";
                case 406 -> "this resource answers application/json";
                case 413 -> "the request body is too large";
                // Every body-taking route outside /oauth2/ takes JSON; the OAuth endpoints take forms,
                // and OAuthErrorFormat answers their 415 with that.
                case 415 -> "send the request body as application/json";
                default -> "the request cannot be processed";
            };
        }
    }

    /**
     * The database out of reach: 503, which clients and load balancers retry, with a hint of when.
     * Logged without the stack: while it lasts, every request that needs the database ends here.
     */
    static final class StorageUnavailableMapper implements ExceptionMapper<StorageUnavailable> {
        static final int RETRY_AFTER_SECONDS = 5;

        @Override
        public Response toResponse(StorageUnavailable e) {
            LOG.log(System.Logger.Level.WARNING, "answered 503: {0} ({1})", e.getMessage(), e.getCause());
            return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE,
                            "the service cannot reach its database; try again shortly"))
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
    }

    /** A bug or an outage: logged in full here, answered without internals. */
    static final class UnexpectedMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            LOG.log(System.Logger.Level.ERROR, "unexpected error while serving a request", e);
            return Problem.response(Response.Status.INTERNAL_SERVER_ERROR, "an internal error occurred");
        }
    }
}
