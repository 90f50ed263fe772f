package io.flowgate.application.port.in;

import io.flowgate.domain.org.OrgSlug;
import java.net.URI;
import java.util.Objects;

/** Every externally visible URL of an org derives from the public base URL and the org's slug. */
public record OrgUrls(URI publicUrl) {

    public OrgUrls {
        Objects.requireNonNull(publicUrl);
        String text = publicUrl.toString();
        if (text.endsWith("/")) {
            publicUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    public String issuer(OrgSlug slug) {
        return publicUrl + "/orgs/" + slug.value();
    }

    public String tokenEndpoint(OrgSlug slug) {
        return issuer(slug) + "/oauth2/v1/token";
    }
}
