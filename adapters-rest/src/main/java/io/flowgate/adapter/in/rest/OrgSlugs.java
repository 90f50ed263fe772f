package io.flowgate.adapter.in.rest;

import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.org.OrgSlug;

/**
 * The org slug in an authorization server's URL: one that is not even well formed names no org, so it is
 * answered as an unknown org is, with nothing to tell the two apart.
 */
final class OrgSlugs {

    private OrgSlugs() {
    }

    static OrgSlug parse(String raw) {
        try {
            return new OrgSlug(raw);
        } catch (InvalidValue e) {
            throw new NotFound("no authorization server at this URL"); // the services' words for an unknown org
        }
    }
}
