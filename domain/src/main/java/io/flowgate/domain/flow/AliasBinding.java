package io.flowgate.domain.flow;

import io.flowgate.domain.org.OrgId;
import java.time.Instant;
import java.util.Objects;

/**
 * An alias pointing at a flow. An alias is unique within its org (the store enforces it across
 * nodes) and can be moved to another flow so a stable URL can be switched without callers noticing.
 */
public final class AliasBinding {

    private final OrgId orgId;
    private final FlowAlias alias;
    private FlowId flowId;
    private final Instant created;

    private AliasBinding(OrgId orgId, FlowAlias alias, FlowId flowId, Instant created) {
        this.orgId = Objects.requireNonNull(orgId);
        this.alias = Objects.requireNonNull(alias);
        this.flowId = Objects.requireNonNull(flowId);
        this.created = Objects.requireNonNull(created);
    }

    public static AliasBinding bind(OrgId orgId, FlowAlias alias, FlowId flowId, Instant now) {
        return new AliasBinding(orgId, alias, flowId, now);
    }

    public static AliasBinding restore(OrgId orgId, FlowAlias alias, FlowId flowId, Instant created) {
        return new AliasBinding(orgId, alias, flowId, created);
    }

    public void moveTo(FlowId target) {
        this.flowId = Objects.requireNonNull(target);
    }

    public OrgId orgId() {
        return orgId;
    }

    public FlowAlias alias() {
        return alias;
    }

    public FlowId flowId() {
        return flowId;
    }

    public Instant created() {
        return created;
    }
}
