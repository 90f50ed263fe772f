package io.flowgate.application.fake;

import io.flowgate.application.port.out.OrgRepository;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.Conflict;
import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

public final class InMemoryOrgRepository implements OrgRepository {

    private final ConcurrentSkipListMap<String, Org> byId = new ConcurrentSkipListMap<>();

    @Override
    public synchronized void add(Org org) {
        if (findBySlug(org.slug()).isPresent()) {
            throw new Conflict("an org with slug " + org.slug() + " already exists");
        }
        byId.put(org.id().value(), org);
    }

    @Override
    public Optional<Org> findById(OrgId id) {
        return Optional.ofNullable(byId.get(id.value()));
    }

    @Override
    public Optional<Org> findBySlug(OrgSlug slug) {
        return byId.values().stream().filter(org -> org.slug().equals(slug)).findFirst();
    }

    @Override
    public List<Org> list(PageRequest page) {
        return Pages.page(byId, page);
    }
}
