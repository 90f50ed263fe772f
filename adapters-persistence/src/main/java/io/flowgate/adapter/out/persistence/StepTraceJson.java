package io.flowgate.adapter.out.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.domain.execution.ExecutionStatus;
import io.flowgate.domain.execution.StepTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The stored shape of one step of an execution's trace. Times are ISO-8601 text, which keeps
 * their full precision; inputs and outputs stay JSON text inside a string, so they come back exactly
 * as recorded rather than re-formatted by the database.
 */
record StepTraceJson(String stepId, String card, String status, String started, String duration,
                     String input, String output, String error) {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<StepTraceJson>> LIST = new TypeReference<>() {
    };

    static String write(List<StepTrace> steps) {
        try {
            return MAPPER.writeValueAsString(steps.stream().map(StepTraceJson::from).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a step trace as JSON", e);
        }
    }

    static List<StepTrace> read(String json) {
        try {
            return MAPPER.readValue(json, LIST).stream().map(StepTraceJson::toDomain).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored step trace is not the JSON this build writes", e);
        }
    }

    private static StepTraceJson from(StepTrace step) {
        return new StepTraceJson(step.stepId(), step.card(), step.status().name(), step.started().toString(),
                step.duration().toString(), step.input(), step.output(), step.error());
    }

    private StepTrace toDomain() {
        return new StepTrace(stepId, card, ExecutionStatus.valueOf(status), Instant.parse(started),
                Duration.parse(duration), input, output, error);
    }
}
