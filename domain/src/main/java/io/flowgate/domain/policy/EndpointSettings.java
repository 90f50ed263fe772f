package io.flowgate.domain.policy;

import java.util.Objects;

/** A flow's endpoint: its security policy and its rate limit. */
public record EndpointSettings(EndpointSecurityPolicy security, RateLimit rateLimit) {

    /** New flows are secured with OAuth 2.0 for any app of the org that holds the invoke scope. */
    public static final EndpointSettings DEFAULT =
            new EndpointSettings(new EndpointSecurityPolicy.OAuth2AnyApp(), RateLimit.DEFAULT);

    public EndpointSettings {
        Objects.requireNonNull(security);
        Objects.requireNonNull(rateLimit);
    }
}
