package io.flowgate.adapter.in.rest;

import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/** Everything the HTTP API needs besides its resources: JSON, problem details, authentication. */
public final class RestApi {

    private RestApi() {
    }

    /** A resource configuration with the providers registered; the caller adds the resource instances. */
    public static ResourceConfig configuration() {
        return new ResourceConfig()
                // Jackson's own mappers answer malformed JSON in plain text; ours answer with problems.
                .register(JacksonFeature.withoutExceptionMappers())
                .register(Json.class)
                .register(DateHeaderFilter.class)
                .register(RequestCharset.class)
                .register(OAuthErrorFormat.class)
                .register(DomainExceptionMappers.NotFoundMapper.class)
                .register(DomainExceptionMappers.ConflictMapper.class)
                .register(DomainExceptionMappers.InvalidValueMapper.class)
                .register(HttpExceptionMappers.JsonMapper.class)
                .register(HttpExceptionMappers.WebApplicationMapper.class)
                .register(HttpExceptionMappers.StorageUnavailableMapper.class)
                .register(HttpExceptionMappers.UnexpectedMapper.class)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    }
}
