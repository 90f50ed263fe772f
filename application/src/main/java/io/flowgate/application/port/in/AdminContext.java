package io.flowgate.application.port.in;

import io.flowgate.domain.org.AdminTokenId;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.org.OrgSlug;
import java.util.Objects;

/** An authenticated org admin: every admin use case acts within this org only, and logs this token as the actor. */
public record AdminContext(OrgId orgId, OrgSlug slug, AdminTokenId tokenId) {

    public AdminContext {
        Objects.requireNonNull(orgId);
        Objects.requireNonNull(slug);
        Objects.requireNonNull(tokenId);
    }

    public String actor() {
        return "admin-token:" + tokenId;
    }
}
