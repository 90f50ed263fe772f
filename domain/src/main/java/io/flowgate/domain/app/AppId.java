package io.flowgate.domain.app;

import io.flowgate.domain.Identifiers;

/** Identifies an API service app. It is also the app's OAuth client id. */
public record AppId(String value) {

    public AppId {
        Identifiers.require(value, "appId");
    }

    @Override
    public String toString() {
        return value;
    }
}
