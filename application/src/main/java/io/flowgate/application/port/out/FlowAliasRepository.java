package io.flowgate.application.port.out;

import io.flowgate.domain.flow.AliasBinding;
import io.flowgate.domain.flow.FlowAlias;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.org.OrgId;
import java.util.List;
import java.util.Optional;

public interface FlowAliasRepository {

    /** @throws io.flowgate.domain.Conflict when the alias is already bound in that org (checked by the store) */
    void add(AliasBinding binding);

    /** Points an existing binding at the flow it now names. */
    void update(AliasBinding binding);

    Optional<AliasBinding> find(OrgId orgId, FlowAlias alias);

    /** The flow's aliases, oldest first. */
    List<AliasBinding> listForFlow(OrgId orgId, FlowId flowId);

    boolean remove(OrgId orgId, FlowAlias alias);
}
