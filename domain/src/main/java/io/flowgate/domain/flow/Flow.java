package io.flowgate.domain.flow;

import io.flowgate.domain.LifecycleStatus;
import io.flowgate.domain.Text;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.policy.EndpointSettings;
import java.time.Instant;
import java.util.Objects;

/**
 * An automation flow exposed as an HTTP endpoint. Each change of its name or definition makes a
 * new version; executions record the version they ran.
 */
public final class Flow {

    public static final int MAX_NAME_LENGTH = 200;

    private final FlowId id;
    private final OrgId orgId;
    private String name;
    private FlowDefinition definition;
    private int version;
    private LifecycleStatus status;
    private EndpointSettings endpoint;
    private final Instant created;
    private Instant lastUpdated;

    private Flow(FlowId id, OrgId orgId, String name, FlowDefinition definition, int version,
                 LifecycleStatus status, EndpointSettings endpoint, Instant created, Instant lastUpdated) {
        this.id = Objects.requireNonNull(id);
        this.orgId = Objects.requireNonNull(orgId);
        this.name = Text.requireLabel(name, "name", MAX_NAME_LENGTH);
        this.definition = Objects.requireNonNull(definition);
        if (version < 1) {
            throw new IllegalArgumentException("a flow version starts at 1");
        }
        this.version = version;
        this.status = Objects.requireNonNull(status);
        this.endpoint = Objects.requireNonNull(endpoint);
        this.created = Objects.requireNonNull(created);
        this.lastUpdated = Objects.requireNonNull(lastUpdated);
    }

    /** New flows are ACTIVE, at version 1, secured with OAuth 2.0 for any app of the org. */
    public static Flow create(FlowId id, OrgId orgId, String name, FlowDefinition definition, Instant now) {
        return new Flow(id, orgId, name, definition, 1, LifecycleStatus.ACTIVE, EndpointSettings.DEFAULT, now, now);
    }

    public static Flow restore(FlowId id, OrgId orgId, String name, FlowDefinition definition, int version,
                               LifecycleStatus status, EndpointSettings endpoint, Instant created, Instant lastUpdated) {
        return new Flow(id, orgId, name, definition, version, status, endpoint, created, lastUpdated);
    }

    public void revise(String newName, FlowDefinition newDefinition, Instant now) {
        this.name = Text.requireLabel(newName, "name", MAX_NAME_LENGTH);
        this.definition = Objects.requireNonNull(newDefinition);
        this.version++;
        this.lastUpdated = now;
    }

    public void secure(EndpointSettings newEndpoint, Instant now) {
        this.endpoint = Objects.requireNonNull(newEndpoint);
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

    public boolean isActive() {
        return status == LifecycleStatus.ACTIVE;
    }

    public FlowId id() {
        return id;
    }

    public OrgId orgId() {
        return orgId;
    }

    public String name() {
        return name;
    }

    public FlowDefinition definition() {
        return definition;
    }

    public int version() {
        return version;
    }

    public LifecycleStatus status() {
        return status;
    }

    public EndpointSettings endpoint() {
        return endpoint;
    }

    public Instant created() {
        return created;
    }

    public Instant lastUpdated() {
        return lastUpdated;
    }
}
