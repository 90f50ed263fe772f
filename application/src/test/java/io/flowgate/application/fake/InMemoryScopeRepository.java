package io.flowgate.application.fake;

import io.flowgate.application.port.out.ScopeRepository;
import io.flowgate.domain.scope.Scope;
import io.flowgate.domain.scope.ScopeName;
import java.util.List;
import java.util.Optional;

/** The same catalog the schema migration seeds. */
public final class InMemoryScopeRepository implements ScopeRepository {

    private static final List<Scope> CATALOG = List.of(
            new Scope(Scope.INVOKE_FLOWS, "Invoke flows whose API endpoint is secured with OAuth 2.0"));

    @Override
    public List<Scope> all() {
        return CATALOG;
    }

    @Override
    public Optional<Scope> find(ScopeName name) {
        return CATALOG.stream().filter(scope -> scope.name().equals(name)).findFirst();
    }
}
