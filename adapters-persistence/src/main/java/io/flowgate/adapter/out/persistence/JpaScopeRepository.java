package io.flowgate.adapter.out.persistence;

import io.flowgate.application.port.out.ScopeRepository;
import io.flowgate.domain.scope.Scope;
import io.flowgate.domain.scope.ScopeName;
import java.util.List;
import java.util.Optional;

public final class JpaScopeRepository implements ScopeRepository {

    private final JpaUnitOfWork unitOfWork;

    public JpaScopeRepository(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public List<Scope> all() {
        return unitOfWork.entityManager()
                .createQuery("from ScopeEntity order by name", ScopeEntity.class)
                .getResultStream()
                .map(ScopeEntity::toDomain)
                .toList();
    }

    @Override
    public Optional<Scope> find(ScopeName name) {
        // The catalog comes with the schema and never changes while we run.
        return unitOfWork.read(ReadCache.GLOBAL, name, () -> Optional.ofNullable(
                unitOfWork.entityManager().find(ScopeEntity.class, name.value())).map(ScopeEntity::toDomain));
    }
}
