package io.flowgate.domain.key;

import io.flowgate.domain.Identifiers;

/** Identifies one public key registered for an app. */
public record AppKeyId(String value) {

    public AppKeyId {
        Identifiers.require(value, "keyId");
    }

    @Override
    public String toString() {
        return value;
    }
}
