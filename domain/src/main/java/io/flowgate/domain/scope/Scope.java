package io.flowgate.domain.scope;

import io.flowgate.domain.Text;
import java.util.Objects;

/** A scope of the catalog. Apps are granted scopes; tokens carry the granted ones they ask for. */
public record Scope(ScopeName name, String description) {

    /** The scope an app needs to invoke OAuth 2.0-secured flows. */
    public static final ScopeName INVOKE_FLOWS = new ScopeName("okta.workflows.invoke.manage");

    public Scope {
        Objects.requireNonNull(name);
        description = Text.requireLabel(description, "description", 500);
    }
}
