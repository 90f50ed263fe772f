package io.flowgate.application.fake;

import io.flowgate.application.port.out.FlowAliasRepository;
import io.flowgate.application.port.out.FlowRepository;
import io.flowgate.domain.Conflict;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.flow.AliasBinding;
import io.flowgate.domain.flow.FlowAlias;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.org.OrgId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps copies, like a real store. It looks the bound flows up in the flow store to do what the
 * database's foreign key does: a binding must name a flow of its own org, and goes when that flow goes.
 */
public final class InMemoryFlowAliasRepository implements FlowAliasRepository {

    private record Key(OrgId orgId, FlowAlias alias) {
    }

    private final FlowRepository flows;
    private final Map<Key, AliasBinding> bindings = new HashMap<>();

    public InMemoryFlowAliasRepository(FlowRepository flows) {
        this.flows = flows;
    }

    @Override
    public synchronized void add(AliasBinding binding) {
        forgetBindingsOfRemovedFlows();
        requireFlowOfTheOrg(binding);
        if (bindings.putIfAbsent(keyOf(binding), copy(binding)) != null) {
            throw new Conflict("alias " + binding.alias() + " is already bound in this org");
        }
    }

    @Override
    public synchronized void update(AliasBinding binding) {
        forgetBindingsOfRemovedFlows();
        if (!bindings.containsKey(keyOf(binding))) {
            throw new NotFound("alias " + binding.alias() + " not found");
        }
        requireFlowOfTheOrg(binding);
        bindings.put(keyOf(binding), copy(binding));
    }

    @Override
    public synchronized Optional<AliasBinding> find(OrgId orgId, FlowAlias alias) {
        forgetBindingsOfRemovedFlows();
        return Optional.ofNullable(bindings.get(new Key(orgId, alias))).map(InMemoryFlowAliasRepository::copy);
    }

    @Override
    public synchronized List<AliasBinding> listForFlow(OrgId orgId, FlowId flowId) {
        forgetBindingsOfRemovedFlows();
        return bindings.values().stream()
                .filter(binding -> binding.orgId().equals(orgId) && binding.flowId().equals(flowId))
                .sorted(Comparator.comparing(AliasBinding::created).thenComparing(binding -> binding.alias().value()))
                .map(InMemoryFlowAliasRepository::copy)
                .toList();
    }

    @Override
    public synchronized boolean remove(OrgId orgId, FlowAlias alias) {
        forgetBindingsOfRemovedFlows();
        return bindings.remove(new Key(orgId, alias)) != null;
    }

    /** The cascade of the flow's deletion, done when next looked at. */
    private void forgetBindingsOfRemovedFlows() {
        bindings.values().removeIf(binding -> flows.find(binding.orgId(), binding.flowId()).isEmpty());
    }

    private void requireFlowOfTheOrg(AliasBinding binding) {
        if (flows.find(binding.orgId(), binding.flowId()).isEmpty()) {
            throw new Conflict("flow " + binding.flowId() + " does not exist in this org");
        }
    }

    private static Key keyOf(AliasBinding binding) {
        return new Key(binding.orgId(), binding.alias());
    }

    private static AliasBinding copy(AliasBinding binding) {
        return AliasBinding.restore(binding.orgId(), binding.alias(), binding.flowId(), binding.created());
    }
}
