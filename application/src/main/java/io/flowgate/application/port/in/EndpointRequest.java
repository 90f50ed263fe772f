package io.flowgate.application.port.in;

import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.policy.EndpointSecurityPolicy;
import io.flowgate.domain.policy.RateLimit;
import io.flowgate.domain.policy.SecurityLevel;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The endpoint security an admin asks for. {@code allowedApps} is only for OAUTH2: empty means
 * "ANY", a list means "only these" (an id listed twice counts once). A missing rate limit means the
 * default. A list longer than the policy takes is refused here, before any of its ids is looked up.
 */
public record EndpointRequest(SecurityLevel security, Optional<List<AppId>> allowedApps, boolean anyApp,
                              Optional<RateLimit> rateLimit) {

    public EndpointRequest {
        Objects.requireNonNull(security, "security");
        allowedApps = allowedApps.map(List::copyOf);
        if (security == SecurityLevel.OAUTH2 && !anyApp && allowedApps.isEmpty()) {
            throw new InvalidValue("allowedApps", "OAUTH2 needs allowedApps: \"ANY\" or a list of app ids");
        }
        if (security != SecurityLevel.OAUTH2 && (anyApp || allowedApps.isPresent())) {
            throw new InvalidValue("allowedApps", "allowedApps applies to OAUTH2 only");
        }
        if (allowedApps.isPresent()
                && new HashSet<>(allowedApps.get()).size() > EndpointSecurityPolicy.MAX_ALLOWED_APPS) {
            throw new InvalidValue("allowedApps",
                    "allowedApps may list at most " + EndpointSecurityPolicy.MAX_ALLOWED_APPS + " apps");
        }
        Objects.requireNonNull(rateLimit);
    }
}
