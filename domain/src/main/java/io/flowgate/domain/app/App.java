package io.flowgate.domain.app;

import io.flowgate.domain.Conflict;
import io.flowgate.domain.LifecycleStatus;
import io.flowgate.domain.Text;
import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import java.util.Objects;

/**
 * An API service app: an OAuth client that authenticates with a private-key JWT. Only an ACTIVE
 * app gets tokens and may invoke flows; it must be deactivated before it can be deleted.
 */
public final class App {

    public static final int MAX_LABEL_LENGTH = 100;

    private final AppId id;
    private final OrgId orgId;
    private String label;
    private LifecycleStatus status;
    private final Instant created;
    private Instant lastUpdated;

    private App(AppId id, OrgId orgId, String label, LifecycleStatus status, Instant created, Instant lastUpdated) {
        this.id = Objects.requireNonNull(id);
        this.orgId = Objects.requireNonNull(orgId);
        this.label = Text.requireLabel(label, "label", MAX_LABEL_LENGTH);
        this.status = Objects.requireNonNull(status);
        this.created = Objects.requireNonNull(created);
        this.lastUpdated = Objects.requireNonNull(lastUpdated);
    }

    public static App register(AppId id, OrgId orgId, String label, Instant now) {
        return new App(id, orgId, label, LifecycleStatus.ACTIVE, now, now);
    }

    public static App restore(AppId id, OrgId orgId, String label, LifecycleStatus status,
                              Instant created, Instant lastUpdated) {
        return new App(id, orgId, label, status, created, lastUpdated);
    }

    public void relabel(String newLabel, Instant now) {
        this.label = Text.requireLabel(newLabel, "label", MAX_LABEL_LENGTH);
        this.lastUpdated = now;
    }

    public void activate(Instant now) {
        if (status != LifecycleStatus.ACTIVE) {
            status = LifecycleStatus.ACTIVE;
            lastUpdated = now;
        }
    }

    public void deactivate(Instant now) {
        if (status != LifecycleStatus.INACTIVE) {
            status = LifecycleStatus.INACTIVE;
            lastUpdated = now;
        }
    }

    /** Deleting an app that may still hold tokens in flight is refused: deactivate it first. */
    public void ensureDeletable() {
        if (isActive()) {
            throw new Conflict("app " + id + " is ACTIVE; deactivate it before deleting it");
        }
    }

    public boolean isActive() {
        return status == LifecycleStatus.ACTIVE;
    }

    public AppId id() {
        return id;
    }

    /** The OAuth client id; by design the same as the app id. */
    public AppId clientId() {
        return id;
    }

    public OrgId orgId() {
        return orgId;
    }

    public String label() {
        return label;
    }

    public LifecycleStatus status() {
        return status;
    }

    public Instant created() {
        return created;
    }

    public Instant lastUpdated() {
        return lastUpdated;
    }
}
