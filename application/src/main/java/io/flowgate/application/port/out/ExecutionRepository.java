package io.flowgate.application.port.out;

import io.flowgate.domain.execution.Execution;
import io.flowgate.domain.execution.ExecutionId;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.org.OrgId;
import java.util.List;
import java.util.Optional;

public interface ExecutionRepository {

    void add(Execution execution);

    void update(Execution execution);

    Optional<Execution> find(OrgId orgId, ExecutionId id);

    List<Execution> listForFlow(OrgId orgId, FlowId flowId, PageRequest page);
}
