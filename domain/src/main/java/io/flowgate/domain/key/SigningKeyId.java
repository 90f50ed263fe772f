package io.flowgate.domain.key;

import io.flowgate.domain.Identifiers;

/** Identifies one of an org's access-token signing keys. */
public record SigningKeyId(String value) {

    public SigningKeyId {
        Identifiers.require(value, "signingKeyId");
    }

    @Override
    public String toString() {
        return value;
    }
}
