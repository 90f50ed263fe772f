package io.flowgate.application.port.in;

import io.flowgate.domain.org.OrgSlug;
import java.util.List;

/** What an org's authorization server publishes: the public keys its tokens verify with. */
public interface PublishKeysUseCase {

    /**
     * The public JWKs of the org's ACTIVE and PREVIOUS signing keys, newest first.
     *
     * @throws io.flowgate.domain.NotFound when there is no such org
     */
    List<String> publicSigningKeys(OrgSlug slug);

    /** @throws io.flowgate.domain.NotFound when there is no such org */
    void requireOrg(OrgSlug slug);
}
