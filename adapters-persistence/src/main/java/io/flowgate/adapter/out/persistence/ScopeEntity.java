package io.flowgate.adapter.out.persistence;

import io.flowgate.domain.scope.Scope;
import io.flowgate.domain.scope.ScopeName;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** The catalog is seeded by the migrations; the application only reads it. */
@Entity
@Immutable
@Table(name = "scopes")
class ScopeEntity {

    @Id
    String name;

    @Column(nullable = false)
    String description;

    Scope toDomain() {
        return new Scope(new ScopeName(name), description);
    }
}
