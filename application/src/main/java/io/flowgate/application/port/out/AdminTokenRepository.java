package io.flowgate.application.port.out;

import io.flowgate.domain.SecretHash;
import io.flowgate.domain.org.AdminToken;
import io.flowgate.domain.org.AdminTokenId;
import io.flowgate.domain.org.OrgId;
import java.util.List;
import java.util.Optional;

public interface AdminTokenRepository {

    void add(AdminToken token);

    /** The token whose hash this is, of any org: the caller learns the org from it. */
    Optional<AdminToken> findByHash(SecretHash hash);

    List<AdminToken> list(OrgId orgId, PageRequest page);

    /** @return whether a token of that org with that id existed */
    boolean remove(OrgId orgId, AdminTokenId id);
}
