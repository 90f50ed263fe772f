package io.flowgate.domain.scope;

import io.flowgate.domain.InvalidValue;
import java.util.regex.Pattern;

/** An OAuth scope token (RFC 6749 §3.3), restricted to a conservative, URL-safe subset. */
public record ScopeName(String value) {

    private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");

    public ScopeName {
        if (value == null || !SCOPE.matcher(value).matches()) {
            throw new InvalidValue("scopeId", "a scope is 1 to 128 characters of letters, digits and . _ : / -");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
