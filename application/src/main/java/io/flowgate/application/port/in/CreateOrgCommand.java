package io.flowgate.application.port.in;

import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.org.OrgSlug;

public record CreateOrgCommand(OrgSlug slug, String name) {

    public CreateOrgCommand {
        if (slug == null) {
            throw new InvalidValue("slug", "slug is required");
        }
        if (name == null) {
            throw new InvalidValue("name", "name is required");
        }
    }
}
