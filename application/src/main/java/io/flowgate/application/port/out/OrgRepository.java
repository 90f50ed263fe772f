package io.flowgate.application.port.out;

import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import java.util.List;
import java.util.Optional;

public interface OrgRepository {

    /** @throws io.flowgate.domain.Conflict when the slug is taken (checked by the store, across nodes) */
    void add(Org org);

    Optional<Org> findById(OrgId id);

    Optional<Org> findBySlug(OrgSlug slug);

    List<Org> list(PageRequest page);
}
