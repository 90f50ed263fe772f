package io.flowgate.application.port.out;

import io.flowgate.domain.scope.Scope;
import io.flowgate.domain.scope.ScopeName;
import java.util.List;
import java.util.Optional;

/** The scope catalog, the same for every org. */
public interface ScopeRepository {

    List<Scope> all();

    Optional<Scope> find(ScopeName name);
}
