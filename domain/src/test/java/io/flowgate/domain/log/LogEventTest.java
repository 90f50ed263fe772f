package io.flowgate.domain.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.flowgate.domain.log.LogEvent.Outcome;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LogEventTest {

    private static final LogEventId ID = new LogEventId("ev1");
    private static final OrgId ORG = new OrgId("org1");
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    private static LogEvent event(String eventType) {
        return new LogEvent(ID, ORG, NOW, eventType, "app1", "flow1", Outcome.SUCCESS, Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.created", "token.issued", "invoke.denied", "app.key.deactivated",
            "flow.endpoint_updated", "admin_token.created", "authorization_server.key.rotated"})
    void dottedLowercaseName_isAValidEventType(String eventType) {
        assertThat(event(eventType).eventType()).isEqualTo(eventType);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"app", "App.created", "app.Created", "app.", ".created", "app..created", "app-created",
            "app.created1", "app created", "app.created ", "_app.created", "app_.created", "app.created_",
            "app.__created"})
    void anythingElse_isRefusedAsAnEventType(String eventType) {
        assertThatIllegalArgumentException().isThrownBy(() -> event(eventType));
    }

    @Test
    void eventWithoutReasonOptionalOrOutcome_isRefused() {
        assertThatNullPointerException().isThrownBy(
                () -> new LogEvent(ID, ORG, NOW, "app.created", "app1", "flow1", Outcome.SUCCESS, null));
        assertThatNullPointerException().isThrownBy(
                () -> new LogEvent(ID, ORG, NOW, "app.created", "app1", "flow1", null, Optional.empty()));
        assertThatNullPointerException().isThrownBy(
                () -> new LogEvent(ID, ORG, NOW, "app.created", null, "flow1", Outcome.SUCCESS, Optional.empty()));
    }
}
