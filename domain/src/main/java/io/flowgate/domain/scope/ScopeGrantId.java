package io.flowgate.domain.scope;

import io.flowgate.domain.Identifiers;

/** Identifies the grant of one scope to one app. */
public record ScopeGrantId(String value) {

    public ScopeGrantId {
        Identifiers.require(value, "grantId");
    }

    @Override
    public String toString() {
        return value;
    }
}
