package io.flowgate.application.port.out;

import io.flowgate.domain.log.LogEvent;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import java.util.List;

public interface SystemLog {

    void append(LogEvent event);

    /** The org's events published at or after {@code since}, in id (publication) order. */
    List<LogEvent> list(OrgId orgId, Instant since, PageRequest page);
}
