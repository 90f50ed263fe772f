package io.flowgate.domain.org;

import io.flowgate.domain.Text;
import java.time.Instant;
import java.util.Objects;

/** A tenant: it owns its own issuer, keys, apps, flows and logs, and shares none of them. */
public final class Org {

    public static final int MAX_NAME_LENGTH = 200;

    private final OrgId id;
    private final OrgSlug slug;
    private final String name;
    private final Instant created;

    private Org(OrgId id, OrgSlug slug, String name, Instant created) {
        this.id = Objects.requireNonNull(id);
        this.slug = Objects.requireNonNull(slug);
        this.name = Text.requireLabel(name, "name", MAX_NAME_LENGTH);
        this.created = Objects.requireNonNull(created);
    }

    public static Org create(OrgId id, OrgSlug slug, String name, Instant now) {
        return new Org(id, slug, name, now);
    }

    public static Org restore(OrgId id, OrgSlug slug, String name, Instant created) {
        return new Org(id, slug, name, created);
    }

    public OrgId id() {
        return id;
    }

    public OrgSlug slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public Instant created() {
        return created;
    }
}
