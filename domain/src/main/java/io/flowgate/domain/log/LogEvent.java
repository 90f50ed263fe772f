package io.flowgate.domain.log;

import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of an org's system log: a token issued or denied, an invocation allowed or denied, or
 * an admin change. {@code actor} says who (an admin token id, a client id, "operator"), {@code
 * target} what it touched, and {@code reason} why something was refused.
 */
public record LogEvent(LogEventId id, OrgId orgId, Instant published, String eventType, String actor,
                       String target, Outcome outcome, Optional<String> reason) {

    public enum Outcome { SUCCESS, FAILURE }

    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z]+(_[a-z]+)*(\\.[a-z]+(_[a-z]+)*)+");

    public LogEvent {
        Objects.requireNonNull(id);
        Objects.requireNonNull(orgId);
        Objects.requireNonNull(published);
        if (eventType == null || !EVENT_TYPE.matcher(eventType).matches()) {
            throw new IllegalArgumentException("event types are dotted lowercase names, like app.created");
        }
        Objects.requireNonNull(actor);
        Objects.requireNonNull(target);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(reason);
    }
}
