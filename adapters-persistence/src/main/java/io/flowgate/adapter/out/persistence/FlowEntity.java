package io.flowgate.adapter.out.persistence;

import io.flowgate.domain.LifecycleStatus;
import io.flowgate.domain.SecretHash;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.flow.Flow;
import io.flowgate.domain.flow.FlowDefinition;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.policy.EndpointSecurityPolicy;
import io.flowgate.domain.policy.EndpointSecurityPolicy.ClientToken;
import io.flowgate.domain.policy.EndpointSecurityPolicy.OAuth2AnyApp;
import io.flowgate.domain.policy.EndpointSecurityPolicy.OAuth2SelectedApps;
import io.flowgate.domain.policy.EndpointSecurityPolicy.Public;
import io.flowgate.domain.policy.EndpointSettings;
import io.flowgate.domain.policy.RateLimit;
import io.flowgate.domain.policy.SecurityLevel;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.BatchSize;

@Entity
@Table(name = "flows")
class FlowEntity {

    @Id
    String id;

    @Column(name = "org_id", nullable = false)
    String orgId;

    @Column(nullable = false)
    String name;

    @Column(nullable = false)
    String definition;

    @Column(nullable = false)
    int version;

    @Column(nullable = false)
    String status;

    @Column(nullable = false)
    String security;

    /** OAUTH2 only: true for any app, false for the apps in {@link #allowedApps}. */
    @Column(name = "allow_any_app")
    Boolean allowAnyApp;

    @Column(name = "client_token_hash")
    String clientTokenHash;

    // Loaded for a page of flows at once rather than one query per flow.
    @ElementCollection
    @CollectionTable(name = "flow_allowed_apps", joinColumns = @JoinColumn(name = "flow_id"))
    @Column(name = "app_id")
    @BatchSize(size = 50)
    Set<String> allowedApps = new HashSet<>();

    @Column(name = "rate_limit_per_second", nullable = false)
    int rateLimitPerSecond;

    @Column(nullable = false)
    Instant created;

    @Column(name = "last_updated", nullable = false)
    Instant lastUpdated;

    static FlowEntity from(Flow flow) {
        FlowEntity entity = new FlowEntity();
        entity.id = flow.id().value();
        entity.orgId = flow.orgId().value();
        entity.created = flow.created();
        entity.write(flow);
        return entity;
    }

    /** Copies everything about the flow that can change. */
    void write(Flow flow) {
        name = flow.name();
        definition = flow.definition().json();
        version = flow.version();
        status = flow.status().name();
        writeEndpoint(flow.endpoint());
        lastUpdated = flow.lastUpdated();
    }

    private void writeEndpoint(EndpointSettings endpoint) {
        EndpointSecurityPolicy policy = endpoint.security();
        security = policy.level().name();
        allowAnyApp = null;
        clientTokenHash = null;
        Set<String> apps = new HashSet<>();
        if (policy instanceof OAuth2AnyApp) {
            allowAnyApp = true;
        } else if (policy instanceof OAuth2SelectedApps selected) {
            allowAnyApp = false;
            selected.allowedApps().forEach(app -> apps.add(app.value()));
        } else if (policy instanceof ClientToken token) {
            clientTokenHash = token.tokenHash().value();
        }
        // Changed in place, so that only the apps that came or went are written.
        allowedApps.retainAll(apps);
        allowedApps.addAll(apps);
        rateLimitPerSecond = endpoint.rateLimit().perSecond();
    }

    Flow toDomain() {
        return Flow.restore(new FlowId(id), new OrgId(orgId), name, new FlowDefinition(definition), version,
                LifecycleStatus.valueOf(status), new EndpointSettings(policy(), new RateLimit(rateLimitPerSecond)),
                created, lastUpdated);
    }

    private EndpointSecurityPolicy policy() {
        return switch (SecurityLevel.valueOf(security)) {
            case OAUTH2 -> allowAnyApp
                    ? new OAuth2AnyApp()
                    : new OAuth2SelectedApps(allowedApps.stream().map(AppId::new).collect(Collectors.toSet()));
            case CLIENT_TOKEN -> new ClientToken(new SecretHash(clientTokenHash));
            case PUBLIC -> new Public();
        };
    }
}
