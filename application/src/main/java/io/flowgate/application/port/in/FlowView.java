package io.flowgate.application.port.in;

import io.flowgate.domain.flow.Flow;
import io.flowgate.domain.flow.FlowAlias;
import java.util.List;
import java.util.Optional;

/** A flow as the admin API shows it: with its aliases, oldest first (the first names its invoke URL). */
public record FlowView(Flow flow, List<FlowAlias> aliases) {

    public FlowView {
        aliases = List.copyOf(aliases);
    }

    public Optional<FlowAlias> primaryAlias() {
        return aliases.stream().findFirst();
    }
}
