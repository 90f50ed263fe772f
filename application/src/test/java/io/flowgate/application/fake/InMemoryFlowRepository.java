package io.flowgate.application.fake;

import io.flowgate.application.port.out.FlowRepository;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.flow.Flow;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.org.OrgId;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Keeps copies, like a real store: a change to a flow is seen only once it is passed to
 * {@link #update}. The aliases of a removed flow go with it (see {@link InMemoryFlowAliasRepository}).
 */
public final class InMemoryFlowRepository implements FlowRepository {

    private final ConcurrentSkipListMap<String, Flow> byId = new ConcurrentSkipListMap<>();

    @Override
    public void add(Flow flow) {
        byId.put(flow.id().value(), copy(flow));
    }

    @Override
    public synchronized void update(Flow flow) {
        if (find(flow.orgId(), flow.id()).isEmpty()) {
            throw new NotFound("flow " + flow.id() + " not found");
        }
        byId.put(flow.id().value(), copy(flow));
    }

    @Override
    public Optional<Flow> find(OrgId orgId, FlowId id) {
        return Optional.ofNullable(byId.get(id.value()))
                .filter(flow -> flow.orgId().equals(orgId))
                .map(InMemoryFlowRepository::copy);
    }

    @Override
    public List<Flow> list(OrgId orgId, PageRequest page) {
        TreeMap<String, Flow> ofOrg = new TreeMap<>();
        byId.values().stream().filter(flow -> flow.orgId().equals(orgId))
                .forEach(flow -> ofOrg.put(flow.id().value(), copy(flow)));
        return Pages.page(ofOrg, page);
    }

    @Override
    public synchronized boolean remove(OrgId orgId, FlowId id) {
        return find(orgId, id).isPresent() && byId.remove(id.value()) != null;
    }

    private static Flow copy(Flow flow) {
        return Flow.restore(flow.id(), flow.orgId(), flow.name(), flow.definition(), flow.version(), flow.status(),
                flow.endpoint(), flow.created(), flow.lastUpdated());
    }
}
