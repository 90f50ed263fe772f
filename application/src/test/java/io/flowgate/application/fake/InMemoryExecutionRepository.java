package io.flowgate.application.fake;

import io.flowgate.application.port.out.ExecutionRepository;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.execution.Execution;
import io.flowgate.domain.execution.ExecutionId;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.org.OrgId;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Keeps copies, like a real store: a run's outcome is seen only once it is passed to {@link #update}. */
public final class InMemoryExecutionRepository implements ExecutionRepository {

    private final ConcurrentSkipListMap<String, Execution> byId = new ConcurrentSkipListMap<>();

    @Override
    public void add(Execution execution) {
        byId.put(execution.id().value(), copy(execution));
    }

    @Override
    public synchronized void update(Execution execution) {
        if (find(execution.orgId(), execution.id()).isEmpty()) {
            throw new NotFound("execution " + execution.id() + " not found");
        }
        byId.put(execution.id().value(), copy(execution));
    }

    @Override
    public Optional<Execution> find(OrgId orgId, ExecutionId id) {
        return Optional.ofNullable(byId.get(id.value()))
                .filter(execution -> execution.orgId().equals(orgId))
                .map(InMemoryExecutionRepository::copy);
    }

    @Override
    public List<Execution> listForFlow(OrgId orgId, FlowId flowId, PageRequest page) {
        TreeMap<String, Execution> ofFlow = new TreeMap<>();
        byId.values().stream()
                .filter(execution -> execution.orgId().equals(orgId) && execution.flowId().equals(flowId))
                .forEach(execution -> ofFlow.put(execution.id().value(), copy(execution)));
        return Pages.page(ofFlow, page);
    }

    private static Execution copy(Execution execution) {
        return Execution.restore(execution.id(), execution.orgId(), execution.flowId(), execution.flowVersion(),
                execution.caller(), execution.status(), execution.started(), execution.finished().orElse(null),
                execution.error().orElse(null), execution.steps());
    }
}
