package io.flowgate.adapter.out.persistence;

import io.flowgate.domain.log.LogEvent;
import io.flowgate.domain.log.LogEventId;
import io.flowgate.domain.org.OrgId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "system_log")
class LogEventEntity {

    @Id
    String id;

    @Column(name = "org_id", nullable = false)
    String orgId;

    @Column(nullable = false)
    Instant published;

    @Column(name = "event_type", nullable = false)
    String eventType;

    @Column(nullable = false)
    String actor;

    @Column(nullable = false)
    String target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    LogEvent.Outcome outcome;

    String reason;

    static LogEventEntity from(LogEvent event) {
        LogEventEntity entity = new LogEventEntity();
        entity.id = event.id().value();
        entity.orgId = event.orgId().value();
        entity.published = event.published();
        entity.eventType = event.eventType();
        entity.actor = event.actor();
        entity.target = event.target();
        entity.outcome = event.outcome();
        entity.reason = event.reason().orElse(null);
        return entity;
    }

    LogEvent toDomain() {
        return new LogEvent(new LogEventId(id), new OrgId(orgId), published, eventType, actor, target, outcome,
                Optional.ofNullable(reason));
    }
}
