package io.flowgate.domain.flow.language;

import java.util.Optional;

/** Finds the flows of the running flow's org that {@code flow.call} may run, by id or alias. */
@FunctionalInterface
public interface FlowLookup {

    FlowLookup NONE = reference -> Optional.empty();

    Optional<CalledFlow> find(String flowIdOrAlias);
}
