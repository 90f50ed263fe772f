package io.flowgate.application.fake;

import io.flowgate.application.port.out.PageRequest;
import io.flowgate.application.port.out.SystemLog;
import io.flowgate.domain.log.LogEvent;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

public final class InMemorySystemLog implements SystemLog {

    private final ConcurrentSkipListMap<String, LogEvent> byId = new ConcurrentSkipListMap<>();

    @Override
    public void append(LogEvent event) {
        byId.put(event.id().value(), event);
    }

    @Override
    public List<LogEvent> list(OrgId orgId, Instant since, PageRequest page) {
        TreeMap<String, LogEvent> selected = new TreeMap<>();
        byId.values().stream()
                .filter(event -> event.orgId().equals(orgId) && !event.published().isBefore(since))
                .forEach(event -> selected.put(event.id().value(), event));
        return Pages.page(selected, page);
    }
}
