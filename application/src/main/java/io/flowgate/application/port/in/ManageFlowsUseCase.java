package io.flowgate.application.port.in;

import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.flow.FlowAlias;
import io.flowgate.domain.flow.FlowDefinition;
import io.flowgate.domain.flow.FlowId;
import java.util.List;
import java.util.Optional;

/** Flows of the admin's org, with their lifecycle and aliases. */
public interface ManageFlowsUseCase {

    /** New flows are ACTIVE, version 1, OAuth 2.0 for any app, with one random alias. */
    FlowView createFlow(AdminContext admin, String name, FlowDefinition definition);

    List<FlowView> listFlows(AdminContext admin, PageRequest page);

    FlowView getFlow(AdminContext admin, FlowId flowId);

    /** Replaces name and definition and bumps the version. */
    FlowView reviseFlow(AdminContext admin, FlowId flowId, String name, FlowDefinition definition);

    FlowView activateFlow(AdminContext admin, FlowId flowId);

    FlowView deactivateFlow(AdminContext admin, FlowId flowId);

    void deleteFlow(AdminContext admin, FlowId flowId);

    /** Binds a chosen alias, or a random 32-hex one when none is given. @throws io.flowgate.domain.Conflict if taken */
    FlowView addAlias(AdminContext admin, FlowId flowId, Optional<FlowAlias> alias);

    /** @throws io.flowgate.domain.NotFound unless the alias is bound to that flow */
    void removeAlias(AdminContext admin, FlowId flowId, FlowAlias alias);

    /** Points an alias at another flow of the org: the URL stays, the flow behind it changes. */
    FlowView moveAlias(AdminContext admin, FlowAlias alias, FlowId targetFlowId);
}
