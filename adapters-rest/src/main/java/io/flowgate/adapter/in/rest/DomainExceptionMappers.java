package io.flowgate.adapter.in.rest;

import io.flowgate.domain.Conflict;
import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.NotFound;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** The domain's three kinds of refusal, each to its one HTTP status. Resources never catch them. */
final class DomainExceptionMappers {

    private DomainExceptionMappers() {
    }

    static final class NotFoundMapper implements ExceptionMapper<NotFound> {
        @Override
        public Response toResponse(NotFound e) {
            return Problem.response(Response.Status.NOT_FOUND, e.getMessage());
        }
    }

    static final class ConflictMapper implements ExceptionMapper<Conflict> {
        @Override
        public Response toResponse(Conflict e) {
            return Problem.response(Response.Status.CONFLICT, e.getMessage());
        }
    }

    /** RFC 6901: the whole document is "", a member "name" is "/name". */
    static String pointer(String field) {
        return field.isEmpty() ? "" : "/" + field;
    }

    /** The field name becomes a JSON pointer ({@code slug} → {@code /slug}) so a client can show it in place. */
    static final class InvalidValueMapper implements ExceptionMapper<InvalidValue> {
        @Override
        public Response toResponse(InvalidValue e) {
            return Problem.response(Response.Status.BAD_REQUEST, e.getMessage(),
                    e.violations().stream()
                            .map(violation -> new Problem.FieldError(pointer(violation.field()), violation.message()))
                            .toList());
        }
    }
}
