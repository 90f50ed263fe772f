package io.flowgate.application.fake;

import io.flowgate.application.port.out.AdminTokenRepository;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.domain.Conflict;
import io.flowgate.domain.SecretHash;
import io.flowgate.domain.org.AdminToken;
import io.flowgate.domain.org.AdminTokenId;
import io.flowgate.domain.org.OrgId;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

public final class InMemoryAdminTokenRepository implements AdminTokenRepository {

    private final ConcurrentSkipListMap<String, AdminToken> byId = new ConcurrentSkipListMap<>();

    @Override
    public synchronized void add(AdminToken token) {
        if (findByHash(token.tokenHash()).isPresent()) {
            throw new Conflict("that admin token already exists");
        }
        byId.put(token.id().value(), token);
    }

    @Override
    public Optional<AdminToken> findByHash(SecretHash hash) {
        return byId.values().stream().filter(token -> token.tokenHash().equals(hash)).findFirst();
    }

    @Override
    public List<AdminToken> list(OrgId orgId, PageRequest page) {
        TreeMap<String, AdminToken> ofOrg = new TreeMap<>();
        byId.values().stream().filter(token -> token.orgId().equals(orgId))
                .forEach(token -> ofOrg.put(token.id().value(), token));
        return Pages.page(ofOrg, page);
    }

    @Override
    public synchronized boolean remove(OrgId orgId, AdminTokenId id) {
        AdminToken token = byId.get(id.value());
        return token != null && token.orgId().equals(orgId) && byId.remove(id.value(), token);
    }
}
