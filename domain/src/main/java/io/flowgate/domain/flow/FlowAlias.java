package io.flowgate.domain.flow;

import io.flowgate.domain.InvalidValue;
import java.util.regex.Pattern;

/**
 * The name in a flow's invoke URL ({@code /api/flo/{alias}/invoke}). Random aliases are 32
 * lowercase hex characters; chosen ones are readable names like {@code create-user}.
 */
public record FlowAlias(String value) {

    private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");

    public FlowAlias {
        if (value == null || !ALIAS.matcher(value).matches()) {
            throw new InvalidValue("alias",
                    "alias must be 1 to 100 characters of a-z, 0-9, '-' and '_', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
