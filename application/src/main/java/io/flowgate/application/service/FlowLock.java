package io.flowgate.application.service;

import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.flow.FlowId;

/**
 * One lock per flow, held to the end of the transaction by every change to the flow, and taken
 * before the flow is read. A change writes the whole flow back, its endpoint's allowed apps
 * included; read before a concurrent change committed, it would write that change's parts back to
 * what they were, or insert an allowed app the other had just inserted.
 */
final class FlowLock {

    private FlowLock() {
    }

    static void hold(UnitOfWork unitOfWork, FlowId flowId) {
        unitOfWork.lock("flow:" + flowId);
    }
}
