package io.flowgate.application.service;

import io.flowgate.application.port.in.AdminContext;
import io.flowgate.application.port.in.FlowView;
import io.flowgate.application.port.in.ManageFlowsUseCase;
import io.flowgate.application.port.out.Clock;
import io.flowgate.application.port.out.FlowAliasRepository;
import io.flowgate.application.port.out.FlowRepository;
import io.flowgate.application.port.out.IdGenerator;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.application.port.out.SecretGenerator;
import io.flowgate.application.port.out.SystemLog;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.flow.AliasBinding;
import io.flowgate.domain.flow.Flow;
import io.flowgate.domain.flow.FlowAlias;
import io.flowgate.domain.flow.FlowDefinition;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.flow.language.FlowLanguage;
import io.flowgate.domain.flow.language.ParsedDefinition;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

public final class FlowAdministrationService implements ManageFlowsUseCase {

    /** 16 random bytes: 32 hex characters, as Okta's generated endpoint names. */
    private static final int RANDOM_ALIAS_BYTES = 16;

    private final UnitOfWork unitOfWork;
    private final FlowRepository flows;
    private final FlowAliasRepository aliases;
    private final Clock clock;
    private final IdGenerator ids;
    private final SecretGenerator random;
    private final AdminAudit audit;
    private final FlowLanguage language;

    public FlowAdministrationService(UnitOfWork unitOfWork, FlowRepository flows, FlowAliasRepository aliases,
                                     SystemLog systemLog, Clock clock, IdGenerator ids, SecretGenerator random,
                                     FlowLanguage language) {
        this.unitOfWork = unitOfWork;
        this.flows = flows;
        this.aliases = aliases;
        this.clock = clock;
        this.ids = ids;
        this.random = random;
        this.audit = new AdminAudit(systemLog, clock, ids);
        this.language = language;
    }

    @Override
    public FlowView createFlow(AdminContext admin, String name, FlowDefinition definition) {
        return unitOfWork.inTransaction(() -> {
            validate(admin, definition);
            Flow flow = Flow.create(new FlowId(ids.newId()), admin.orgId(), name, definition, clock.now());
            flows.add(flow);
            aliases.add(AliasBinding.bind(admin.orgId(), randomAlias(), flow.id(), clock.now()));
            audit.record(admin, "flow.created", target(flow.id()));
            return view(admin, flow);
        });
    }

    @Override
    public List<FlowView> listFlows(AdminContext admin, PageRequest page) {
        return unitOfWork.inTransaction(() -> flows.list(admin.orgId(), page).stream()
                .map(flow -> view(admin, flow))
                .toList());
    }

    @Override
    public FlowView getFlow(AdminContext admin, FlowId flowId) {
        return unitOfWork.inTransaction(() -> view(admin, require(admin, flowId)));
    }

    @Override
    public FlowView reviseFlow(AdminContext admin, FlowId flowId, String name, FlowDefinition definition) {
        return change(admin, flowId, "flow.updated", flow -> {
            validate(admin, definition);
            flow.revise(name, definition, clock.now());
        });
    }

    @Override
    public FlowView activateFlow(AdminContext admin, FlowId flowId) {
        return change(admin, flowId, "flow.activated", flow -> flow.activate(clock.now()));
    }

    @Override
    public FlowView deactivateFlow(AdminContext admin, FlowId flowId) {
        return change(admin, flowId, "flow.deactivated", flow -> flow.deactivate(clock.now()));
    }

    @Override
    public void deleteFlow(AdminContext admin, FlowId flowId) {
        unitOfWork.run(() -> {
            require(admin, flowId);
            flows.remove(admin.orgId(), flowId);
            audit.record(admin, "flow.deleted", target(flowId));
        });
    }

    @Override
    public FlowView addAlias(AdminContext admin, FlowId flowId, Optional<FlowAlias> alias) {
        return unitOfWork.inTransaction(() -> {
            Flow flow = require(admin, flowId);
            FlowAlias chosen = alias.orElseGet(this::randomAlias);
            aliases.add(AliasBinding.bind(admin.orgId(), chosen, flowId, clock.now()));
            audit.record(admin, "flow.alias.created", target(flowId) + " alias:" + chosen);
            return view(admin, flow);
        });
    }

    @Override
    public void removeAlias(AdminContext admin, FlowId flowId, FlowAlias alias) {
        unitOfWork.run(() -> {
            require(admin, flowId);
            aliases.find(admin.orgId(), alias)
                    .filter(binding -> binding.flowId().equals(flowId))
                    .orElseThrow(() -> new NotFound("flow " + flowId + " has no alias " + alias));
            aliases.remove(admin.orgId(), alias);
            audit.record(admin, "flow.alias.deleted", target(flowId) + " alias:" + alias);
        });
    }

    @Override
    public FlowView moveAlias(AdminContext admin, FlowAlias alias, FlowId targetFlowId) {
        return unitOfWork.inTransaction(() -> {
            AliasBinding binding = aliases.find(admin.orgId(), alias)
                    .orElseThrow(() -> new NotFound("no alias " + alias));
            Flow target = flows.find(admin.orgId(), targetFlowId)
                    .orElseThrow(() -> new InvalidValue("flowId", "no flow " + targetFlowId + " in this org"));
            FlowId from = binding.flowId();
            binding.moveTo(targetFlowId);
            aliases.update(binding);
            audit.record(admin, "flow.alias.moved", "alias:" + alias + " " + target(from) + " -> " + target(targetFlowId));
            return view(admin, target);
        });
    }

    private FlowView change(AdminContext admin, FlowId flowId, String eventType, Consumer<Flow> change) {
        return unitOfWork.inTransaction(() -> {
            FlowLock.hold(unitOfWork, flowId);
            Flow flow = require(admin, flowId);
            change.accept(flow);
            flows.update(flow);
            audit.record(admin, eventType, target(flowId));
            return view(admin, flow);
        });
    }

    /**
     * The whole definition is checked when it is saved, calls to other flows included, and every
     * problem is reported at once, each with a JSON pointer into the request.
     */
    private void validate(AdminContext admin, FlowDefinition definition) {
        ParsedDefinition parsed = language.parse(definition.json(), reference -> flowExists(admin, reference));
        if (parsed instanceof ParsedDefinition.Invalid invalid) {
            throw new InvalidValue(invalid.errors().stream()
                    .map(error -> new InvalidValue.Violation("definition" + error.pointer(), error.message()))
                    .toList());
        }
    }

    private boolean flowExists(AdminContext admin, String reference) {
        return Ids.parse(() -> new FlowAlias(reference)).flatMap(alias -> aliases.find(admin.orgId(), alias)).isPresent()
                || Ids.parse(() -> new FlowId(reference)).flatMap(id -> flows.find(admin.orgId(), id)).isPresent();
    }

    private Flow require(AdminContext admin, FlowId flowId) {
        return flows.find(admin.orgId(), flowId).orElseThrow(() -> new NotFound("no flow " + flowId));
    }

    private FlowView view(AdminContext admin, Flow flow) {
        return new FlowView(flow, aliases.listForFlow(admin.orgId(), flow.id()).stream()
                .map(AliasBinding::alias)
                .toList());
    }

    private FlowAlias randomAlias() {
        return new FlowAlias(random.newHex(RANDOM_ALIAS_BYTES));
    }

    private static String target(FlowId flowId) {
        return "flow:" + flowId;
    }
}
