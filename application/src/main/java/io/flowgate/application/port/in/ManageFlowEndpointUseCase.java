package io.flowgate.application.port.in;

import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.policy.EndpointSettings;
import java.util.Optional;

/** Who may invoke a flow, and how often. */
public interface ManageFlowEndpointUseCase {

    /** The new settings, and the client token when one was just made (it is never shown again). */
    record EndpointChange(EndpointSettings settings, Optional<String> clientToken) {
        @Override
        public String toString() {
            return "EndpointChange[" + settings.security().level() + ", client token redacted]";
        }
    }

    EndpointSettings getEndpoint(AdminContext admin, FlowId flowId);

    /**
     * Switching to CLIENT_TOKEN makes a client token; staying on CLIENT_TOKEN keeps the current one.
     *
     * @throws io.flowgate.domain.InvalidValue when a listed app is not an app of this org
     */
    EndpointChange setEndpoint(AdminContext admin, FlowId flowId, EndpointRequest request);

    /** A new client token; the old one stops working at once. @throws io.flowgate.domain.Conflict unless CLIENT_TOKEN */
    EndpointChange regenerateClientToken(AdminContext admin, FlowId flowId);
}
