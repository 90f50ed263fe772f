package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.PageRequest;
import io.flowgate.application.port.out.SystemLog;
import io.flowgate.domain.log.LogEvent;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import java.util.List;

public final class JpaSystemLog implements SystemLog {

    private final JpaUnitOfWork unitOfWork;

    public JpaSystemLog(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void append(LogEvent event) {
        unitOfWork.entityManager().persist(LogEventEntity.from(event));
    }

    @Override
    public List<LogEvent> list(OrgId orgId, Instant since, PageRequest page) {
        return unitOfWork.entityManager()
                .createQuery("from LogEventEntity where orgId = :org and published >= :since and id > :after"
                        + " order by id", LogEventEntity.class)
                .setParameter("org", orgId.value())
                .setParameter("since", since)
                .setParameter("after", page.after().orElse(""))
                .setMaxResults(page.limit())
                .getResultStream()
                .map(LogEventEntity::toDomain)
                .toList();
    }
}
