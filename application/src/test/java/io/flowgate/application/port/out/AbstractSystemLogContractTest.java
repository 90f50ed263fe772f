package io.flowgate.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.application.fake.SequentialIdGenerator;
import io.flowgate.domain.log.LogEvent;
import io.flowgate.domain.log.LogEvent.Outcome;
import io.flowgate.domain.log.LogEventId;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SystemLog} does, whatever stores it. Each test starts from an empty store. */
public abstract class AbstractSystemLogContractTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T12:00:00.123456Z");
    private static final Instant SINCE = Instant.parse("2026-03-02T09:15:30.654321Z");

    private final SequentialIdGenerator ids = new SequentialIdGenerator();
    private Org acme;
    private Org globex;

    protected abstract SystemLog log();

    protected abstract OrgRepository orgs();

    protected abstract UnitOfWork unitOfWork();

    @BeforeEach
    void twoOrgs() {
        acme = Org.create(new OrgId(ids.newId()), new OrgSlug("acme"), "Acme", CREATED);
        globex = Org.create(new OrgId(ids.newId()), new OrgSlug("globex"), "Globex", CREATED);
        unitOfWork().run(() -> {
            orgs().add(acme);
            orgs().add(globex);
        });
    }

    private LogEvent append(Org org, Instant published) {
        LogEvent event = new LogEvent(new LogEventId(ids.newId()), org.id(), published, "app.created",
                "admin-token-1", "app-1", Outcome.SUCCESS, Optional.empty());
        unitOfWork().run(() -> log().append(event));
        return event;
    }

    private List<LogEvent> list(Org org, Instant since, PageRequest page) {
        return unitOfWork().inTransaction(() -> log().list(org.id(), since, page));
    }

    @Test
    void appendedEvents_comeBackWithAllTheirFields_withAndWithoutAReason() {
        LogEvent denied = new LogEvent(new LogEventId(ids.newId()), acme.id(), SINCE, "token.denied",
                "client42", "oauth2/v1/token", Outcome.FAILURE, Optional.of("the assertion's jti was already used"));
        LogEvent issued = new LogEvent(new LogEventId(ids.newId()), acme.id(), SINCE.plusMillis(1), "token.issued",
                "client42", "okta.workflows.invoke.manage", Outcome.SUCCESS, Optional.empty());
        unitOfWork().run(() -> {
            log().append(denied);
            log().append(issued);
        });

        // LogEvent is a record: equality compares every field, the reason included.
        assertThat(list(acme, SINCE, PageRequest.first(10))).containsExactly(denied, issued);
    }

    @Test
    void list_isTheOrgsOwnEventsPublishedAtOrAfterSince_inIdOrder() {
        append(acme, SINCE.minusNanos(1_000));
        LogEvent atSince = append(acme, SINCE);
        append(globex, SINCE);
        LogEvent later = append(acme, SINCE.plus(Duration.ofSeconds(2)));
        // Written after `later` but stamped before it, as by a node whose clock lags: id order still rules.
        LogEvent laggingClock = append(acme, SINCE.plus(Duration.ofSeconds(1)));

        assertThat(list(acme, SINCE, PageRequest.first(10)))
                .extracting(LogEvent::id)
                .containsExactly(atSince.id(), later.id(), laggingClock.id());
    }

    @Test
    void list_pagesInIdOrder_afterTheCursor() {
        LogEvent first = append(acme, SINCE);
        LogEvent second = append(acme, SINCE);
        append(globex, SINCE);
        LogEvent third = append(acme, SINCE);

        List<LogEvent> page1 = list(acme, SINCE, PageRequest.first(2));
        List<LogEvent> page2 = list(acme, SINCE, new PageRequest(2, Optional.of(page1.get(1).id().value())));

        assertThat(page1).extracting(LogEvent::id).containsExactly(first.id(), second.id());
        assertThat(page2).extracting(LogEvent::id).containsExactly(third.id());
    }
}
