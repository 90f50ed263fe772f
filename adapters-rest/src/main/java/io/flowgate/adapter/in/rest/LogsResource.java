package io.flowgate.adapter.in.rest;

import io.flowgate.application.port.in.AdminContext;
import io.flowgate.application.port.in.OrgUrls;
import io.flowgate.application.port.in.QueryExecutionsUseCase;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.log.LogEvent;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The org's system log: tokens issued and denied, invocations allowed and denied, admin changes. */
@Path("/orgs/{slug}/api/v1/logs")
@AdminAuthenticated
@Produces(MediaType.APPLICATION_JSON)
public final class LogsResource {

    record LogEventResponse(String id, String published, String eventType, String actor, String target,
                            String outcome, String reason) {

        static LogEventResponse of(LogEvent event) {
            return new LogEventResponse(event.id().value(), event.published().toString(), event.eventType(),
                    event.actor(), event.target(), event.outcome().name(), event.reason().orElse(null));
        }
    }

    /**
     * RFC 3339's years, 0000 to 9999. Instant.parse also reads years like +294277, which the database
     * cannot compare with (its timestamps end in 294276) and which no client means.
     */
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private final QueryExecutionsUseCase queries;
    private final OrgUrls urls;

    public LogsResource(QueryExecutionsUseCase queries, OrgUrls urls) {
        this.queries = queries;
        this.urls = urls;
    }

    @GET
    public Response list(@Context ContainerRequestContext request, @QueryParam("since") String since,
                         @QueryParam("limit") String limit, @QueryParam("after") String after) {
        AdminContext admin = AdminAuthenticationFilter.of(request);
        PageRequest page = Paging.request(limit, after);
        Instant from = since(since);
        // the next page keeps the same "since"
        URI self = since == null
                ? URI.create(urls.issuer(admin.slug()) + "/api/v1/logs")
                : UriBuilder.fromUri(urls.issuer(admin.slug()) + "/api/v1/logs").queryParam("since", since).build();
        return Paging.response(queries.listLogEvents(admin, from, page), page, self,
                event -> event.id().value(), LogEventResponse::of);
    }

    private static Instant since(String raw) {
        if (raw == null) {
            return Instant.EPOCH;
        }
        Instant since;
        try {
            since = Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidValue("since", "since must be an ISO-8601 UTC instant like 2026-01-15T10:00:00Z");
        }
        if (since.isBefore(EARLIEST) || since.isAfter(LATEST)) {
            throw new InvalidValue("since", "since must be an instant in the years 0000 to 9999");
        }
        return since;
    }
}
