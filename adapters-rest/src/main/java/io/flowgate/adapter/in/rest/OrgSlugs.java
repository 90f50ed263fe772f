package io.flowgate.adapter.in.rest;

import io.flowgate.domain.org.OrgSlug;

/** An org slug in a public URL: one that is not even well-formed names no org, so 404. */
final class OrgSlugs {

    private OrgSlugs() {
    }

    static OrgSlug parse(String raw) {
        return PathIds.parse(raw, OrgSlug::new);
    }
}
