package io.flowgate.application.service;

import io.flowgate.application.port.in.AdminContext;
import io.flowgate.application.port.in.QueryExecutionsUseCase;
import io.flowgate.application.port.out.ExecutionRepository;
import io.flowgate.application.port.out.FlowRepository;
import io.flowgate.application.port.out.PageRequest;
import io.flowgate.application.port.out.SystemLog;
import io.flowgate.application.port.out.UnitOfWork;
import io.flowgate.domain.NotFound;
import io.flowgate.domain.execution.Execution;
import io.flowgate.domain.execution.ExecutionId;
import io.flowgate.domain.flow.FlowId;
import io.flowgate.domain.log.LogEvent;
import java.time.Instant;
import java.util.List;

public final class ExecutionQueryService implements QueryExecutionsUseCase {

    private final UnitOfWork unitOfWork;
    private final FlowRepository flows;
    private final ExecutionRepository executions;
    private final SystemLog systemLog;

    public ExecutionQueryService(UnitOfWork unitOfWork, FlowRepository flows, ExecutionRepository executions,
                                 SystemLog systemLog) {
        this.unitOfWork = unitOfWork;
        this.flows = flows;
        this.executions = executions;
        this.systemLog = systemLog;
    }

    @Override
    public List<Execution> listExecutions(AdminContext admin, FlowId flowId, PageRequest page) {
        return unitOfWork.inTransaction(() -> {
            flows.find(admin.orgId(), flowId).orElseThrow(() -> new NotFound("no flow " + flowId));
            return executions.listForFlow(admin.orgId(), flowId, page);
        });
    }

    @Override
    public Execution getExecution(AdminContext admin, ExecutionId executionId) {
        return unitOfWork.inTransaction(() -> executions.find(admin.orgId(), executionId))
                .orElseThrow(() -> new NotFound("no execution " + executionId));
    }

    @Override
    public List<LogEvent> listLogEvents(AdminContext admin, Instant since, PageRequest page) {
        return unitOfWork.inTransaction(() -> systemLog.list(admin.orgId(), since, page));
    }
}
