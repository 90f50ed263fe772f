package io.flowgate.domain.org;

import io.flowgate.domain.Identifiers;

/** Identifies an org admin API token (not the token itself). */
public record AdminTokenId(String value) {

    public AdminTokenId {
        Identifiers.require(value, "adminTokenId");
    }

    @Override
    public String toString() {
        return value;
    }
}
