package io.flowgate.domain.org;

import io.flowgate.domain.SecretHash;
import io.flowgate.domain.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * An org admin API token ({@code Authorization: SSWS ...}). Only its hash is kept; the token
 * itself is shown once, when it is issued. Revoking a token deletes it.
 */
public final class AdminToken {

    public static final int MAX_NAME_LENGTH = 100;

    private final AdminTokenId id;
    private final OrgId orgId;
    private final String name;
    private final SecretHash tokenHash;
    private final Instant created;

    private AdminToken(AdminTokenId id, OrgId orgId, String name, SecretHash tokenHash, Instant created) {
        this.id = Objects.requireNonNull(id);
        this.orgId = Objects.requireNonNull(orgId);
        this.name = Text.requireLabel(name, "name", MAX_NAME_LENGTH);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.created = Objects.requireNonNull(created);
    }

    public static AdminToken issue(AdminTokenId id, OrgId orgId, String name, SecretHash tokenHash, Instant now) {
        return new AdminToken(id, orgId, name, tokenHash, now);
    }

    public static AdminToken restore(AdminTokenId id, OrgId orgId, String name, SecretHash tokenHash, Instant created) {
        return new AdminToken(id, orgId, name, tokenHash, created);
    }

    public AdminTokenId id() {
        return id;
    }

    public OrgId orgId() {
        return orgId;
    }

    public String name() {
        return name;
    }

    public SecretHash tokenHash() {
        return tokenHash;
    }

    public Instant created() {
        return created;
    }
}
