package io.flowgate.application.service;

import io.flowgate.application.port.in.AdminContext;
import io.flowgate.application.port.out.Clock;
import io.flowgate.application.port.out.IdGenerator;
import io.flowgate.application.port.out.SystemLog;
import io.flowgate.domain.log.LogEvent;
import io.flowgate.domain.log.LogEventId;
import java.util.Optional;

/** Writes "who changed what" into the org's system log, inside the change's own transaction. */
final class AdminAudit {

    private final SystemLog systemLog;
    private final Clock clock;
    private final IdGenerator ids;

    AdminAudit(SystemLog systemLog, Clock clock, IdGenerator ids) {
        this.systemLog = systemLog;
        this.clock = clock;
        this.ids = ids;
    }

    void record(AdminContext admin, String eventType, String target) {
        systemLog.append(new LogEvent(new LogEventId(ids.newId()), admin.orgId(), clock.now(), eventType,
                admin.actor(), target, LogEvent.Outcome.SUCCESS, Optional.empty()));
    }
}
