package io.flowgate.domain.org;

import io.flowgate.domain.Identifiers;

/** Identifies an org; never shown across orgs. */
public record OrgId(String value) {

    public OrgId {
        Identifiers.require(value, "orgId");
    }

    @Override
    public String toString() {
        return value;
    }
}
