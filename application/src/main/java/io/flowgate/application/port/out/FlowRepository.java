package io.flowgate.application.port.out;

import io.flowgate.domain.flow.Flow;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.org.OrgId;
import java.util.List;
import java.util.Optional;

public interface FlowRepository {

    void add(Flow flow);

    /**
     * Writes the flow back whole, as the caller read and changed it: a caller that did not hold the
     * flow's lock since before it read the flow may undo parts of a change committed meanwhile.
     */
    void update(Flow flow);

    Optional<Flow> find(OrgId orgId, FlowId id);

    List<Flow> list(OrgId orgId, PageRequest page);

    /** Removes the flow with its aliases; its executions stay in the history. */
    boolean remove(OrgId orgId, FlowId id);
}
