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
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * The steps as a JSON array of {@code StepTraceJson} objects, written by hand: it runs for every invocation,
     * and Jackson's object mapping over one record per step cost as much as the steps' run (round 11 profile).
     * {@link #read} takes it back.
     */
    static String write(List<StepTrace> steps) {
        StringBuilder out = new StringBuilder(256 * steps.size() + 2).append('[');
        for (StepTrace step : steps) {
            if (out.length() > 1) {
                out.append(',');
            }
            field(out.append('{'), "stepId", step.stepId());
            field(out.append(','), "card", step.card());
            field(out.append(','), "status", step.status().name());
            InstantText.append(out.append(",\"started\":\""), step.started()).append('"');
            field(out.append(','), "duration", step.duration().toString());
            field(out.append(','), "input", step.input());
            field(out.append(','), "output", step.output());
            field(out.append(','), "error", step.error());
            out.append('}');
        }
        return out.append(']').toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append('"').append(name).append("\":");
        if (value == null) {
            out.append("null");
        } else {
            string(out, value);
        }
    }

    /**
     * A JSON string, escaped as RFC 8259 requires and no further (Jackson's choice, so stored traces keep their shape),
     * but for NUL.
     */
    private static void string(StringBuilder out, String value) {
        out.append('"');
        int first = 0;
        while (first < value.length() && !needsEscape(value.charAt(first))) {
            first++;
        }
        if (first == value.length()) {
            out.append(value).append('"');
            return;
        }
        // Most text holds nothing to escape and is appended whole; JSON text (inputs, outputs) holds quotes.
        int copied = 0;
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!needsEscape(c)) {
                continue;
            }
            out.append(value, copied, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                // PostgreSQL refuses NUL's escape in a json value that a query reads as text; a NUL comes
                // from request data, and must not make the trace unrecordable or unreadable by a query.
                case '\0' -> out.append('\uFFFD');
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
            copied = i + 1;
        }
        out.append(value, copied, value.length()).append('"');
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\';
    }

    static List<StepTrace> read(String json) {
        try {
            return MAPPER.readValue(json, LIST).stream().map(StepTraceJson::toDomain).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored step trace is not the JSON this build writes", e);
        }
    }

    private StepTrace toDomain() {
        return new StepTrace(stepId, card, ExecutionStatus.valueOf(status), Instant.parse(started),
                Duration.parse(duration), input, output, error);
    }
}
