package io.flowgate.application.service;

import io.flowgate.application.port.in.AdminContext;
import io.flowgate.application.port.in.EndpointRequest;
import io.flowgate.application.port.in.ManageFlowEndpointUseCase;
import io.flowgate.application.port.out.AppRepository;
import io.flowgate.application.port.out.Clock;
import io.flowgate.application.port.out.FlowRepository;
import io.flowgate.application.port.out.IdGenerator;
import io.flowgate.application.port.out.SecretGenerator;
import io.flowgate.application.port.out.SecretHasher;
import io.flowgate.application.port.out.SystemLog;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.Conflict;
import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.flow.Flow;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.policy.EndpointSecurityPolicy;
import io.flowgate.domain.policy.EndpointSettings;
import io.flowgate.domain.policy.RateLimit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

public final class FlowEndpointService implements ManageFlowEndpointUseCase {

    private final UnitOfWork unitOfWork;
    private final FlowRepository flows;
    private final AppRepository apps;
    private final Clock clock;
    private final SecretGenerator secrets;
    private final SecretHasher hasher;
    private final AdminAudit audit;

    public FlowEndpointService(UnitOfWork unitOfWork, FlowRepository flows, AppRepository apps, SystemLog systemLog,
                               Clock clock, IdGenerator ids, SecretGenerator secrets, SecretHasher hasher) {
        this.unitOfWork = unitOfWork;
        this.flows = flows;
        this.apps = apps;
        this.clock = clock;
        this.secrets = secrets;
        this.hasher = hasher;
        this.audit = new AdminAudit(systemLog, clock, ids);
    }

    @Override
    public EndpointSettings getEndpoint(AdminContext admin, FlowId flowId) {
        return unitOfWork.inTransaction(() -> require(admin, flowId).endpoint());
    }

    @Override
    public EndpointChange setEndpoint(AdminContext admin, FlowId flowId, EndpointRequest request) {
        return unitOfWork.inTransaction(() -> {
            Flow flow = lockAndRequire(admin, flowId);
            Optional<String> newClientToken = Optional.empty();
            EndpointSecurityPolicy security = switch (request.security()) {
                case PUBLIC -> new EndpointSecurityPolicy.Public();
                case OAUTH2 -> request.anyApp()
                        ? new EndpointSecurityPolicy.OAuth2AnyApp()
                        : new EndpointSecurityPolicy.OAuth2SelectedApps(appsOfThisOrg(admin, request.allowedApps().orElseThrow()));
                case CLIENT_TOKEN -> {
                    if (flow.endpoint().security() instanceof EndpointSecurityPolicy.ClientToken current) {
                        yield current;
                    }
                    newClientToken = Optional.of(secrets.newSecret());
                    yield new EndpointSecurityPolicy.ClientToken(hasher.hash(newClientToken.get()));
                }
            };
            EndpointSettings settings = new EndpointSettings(security, request.rateLimit().orElse(RateLimit.DEFAULT));
            flow.secure(settings, clock.now());
            flows.update(flow);
            audit.record(admin, "flow.endpoint.updated", "flow:" + flowId + " " + security.level());
            return new EndpointChange(settings, newClientToken);
        });
    }

    @Override
    public EndpointChange regenerateClientToken(AdminContext admin, FlowId flowId) {
        return unitOfWork.inTransaction(() -> {
            Flow flow = lockAndRequire(admin, flowId);
            if (!(flow.endpoint().security() instanceof EndpointSecurityPolicy.ClientToken)) {
                throw new Conflict("flow " + flowId + " is not secured with a client token");
            }
            String token = secrets.newSecret();
            EndpointSettings settings = new EndpointSettings(
                    new EndpointSecurityPolicy.ClientToken(hasher.hash(token)), flow.endpoint().rateLimit());
            flow.secure(settings, clock.now());
            flows.update(flow);
            audit.record(admin, "flow.client_token.regenerated", "flow:" + flowId);
            return new EndpointChange(settings, Optional.of(token));
        });
    }

    /**
     * Each listed id must name an app of this org; an id of another org is as unknown as a made-up
     * one. An id listed twice is looked up once, and a refusal points at its first place.
     */
    private Set<AppId> appsOfThisOrg(AdminContext admin, List<AppId> listed) {
        Set<AppId> checked = new HashSet<>();
        for (int i = 0; i < listed.size(); i++) {
            AppId app = listed.get(i);
            if (checked.add(app) && apps.find(admin.orgId(), app).isEmpty()) {
                throw new InvalidValue("allowedApps/" + i, "there is no app " + app + " in this org");
            }
        }
        return checked;
    }

    /** The flow as the last change left it; see {@link FlowLock}. */
    private Flow lockAndRequire(AdminContext admin, FlowId flowId) {
        FlowLock.hold(unitOfWork, flowId);
        return require(admin, flowId);
    }

    private Flow require(AdminContext admin, FlowId flowId) {
        return flows.find(admin.orgId(), flowId).orElseThrow(() -> new NotFound("no flow " + flowId));
    }
}
