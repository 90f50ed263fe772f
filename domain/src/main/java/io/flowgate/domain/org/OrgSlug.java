package io.flowgate.domain.org;

import io.flowgate.domain.InvalidValue;
import java.util.regex.Pattern;

/** The URL name of an org: it is part of the org's issuer and every URL under it. */
public record OrgSlug(String value) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    public OrgSlug {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new InvalidValue("slug",
                    "slug must be 2 to 63 characters of a-z, 0-9 and '-', starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
