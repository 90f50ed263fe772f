package io.flowgate.application.port.in;

import io.flowgate.domain.org.Org;
import io.flowgate.domain.org.OrgId;

public interface GetOrgUseCase {

    /** @throws io.flowgate.domain.NotFound when there is no such org */
    Org getOrg(OrgId id);
}
