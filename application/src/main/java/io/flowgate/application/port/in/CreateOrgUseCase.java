package io.flowgate.application.port.in;

public interface CreateOrgUseCase {

    /** @throws io.flowgate.domain.Conflict when the slug is taken */
    OrgCreated createOrg(CreateOrgCommand command);
}
