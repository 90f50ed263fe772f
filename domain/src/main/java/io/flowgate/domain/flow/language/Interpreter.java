package io.flowgate.domain.flow.language;

import io.flowgate.domain.execution.ExecutionStatus;
import io.flowgate.domain.execution.StepTrace;
import io.flowgate.domain.flow.language.json.JsonNull;
import io.flowgate.domain.flow.language.json.JsonObject;
import io.flowgate.domain.flow.language.json.JsonString;
import io.flowgate.domain.flow.language.json.JsonTooDeep;
import io.flowgate.domain.flow.language.json.JsonValue;
import io.flowgate.domain.flow.language.json.JsonWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One run of a program, with the flows it calls: the step loop, the bounds and the trace. */
final class Interpreter {

    private final Limits limits;
    private final RunEnvironment environment;
    private final List<StepTrace> trace = new ArrayList<>();
    private int stepsRun;
    private long outputBytes;
    private Response earlyResponse;

    private Interpreter(Limits limits, RunEnvironment environment) {
        this.limits = limits;
        this.environment = environment;
    }

    static RunResult run(FlowProgram program, RunInputs inputs, RunEnvironment environment, Limits limits) {
        Interpreter interpreter = new Interpreter(limits, environment);
        Frame top = new Frame(0, "", inputs.request(), inputs.caller(), inputs.flow(), inputs.execution(),
                interpreter.limits.maxOutputBytes());
        Outcome outcome;
        try {
            interpreter.runSteps(program.steps(), top);
            outcome = new Outcome.NoReturn();
        } catch (FlowEnding ending) {
            outcome = ending.outcome();
        } catch (Halt halt) {
            outcome = halt.outcome;
        }
        return new RunResult(outcome, interpreter.trace, Optional.ofNullable(interpreter.earlyResponse),
                interpreter.stepsRun);
    }

    private JsonValue runSteps(List<Step> steps, Frame frame) {
        JsonValue last = JsonNull.INSTANCE;
        for (Step step : steps) {
            last = runStep(step, frame);
        }
        return last;
    }

    private JsonValue runStep(Step step, Frame frame) {
        Instant started = environment.clock().now();
        if (!started.isBefore(environment.deadline())) {
            throw new Halt(new Outcome.TimedOut());
        }
        if (stepsRun >= limits.maxSteps()) {
            throw new Halt(new Outcome.LimitExceeded(
                    "the flow would run more than " + String.format(Locale.ROOT, "%,d", limits.maxSteps()) + " steps"));
        }
        stepsRun++;
        int slot = reserveTraceSlot();
        String path = frame.tracePrefix + step.id();
        Card card = step.card();
        JsonObject inputs = JsonObject.empty();
        try {
            inputs = resolveInputs(step, frame);
            FlowEnding ending = null;
            JsonValue output;
            try {
                output = card.run(new Inputs(inputs), new Context(step, frame));
            } catch (FlowEnding e) {
                ending = e;
                // A branch or loop that a return passes through did not produce that body itself.
                output = card.countsOutput() ? e.output() : JsonNull.INSTANCE;
            }
            if (card.countsOutput()) {
                countOutput(output);
            }
            record(slot, path, card, ExecutionStatus.SUCCEEDED, started, inputs, output, null);
            if (ending != null) {
                throw ending;
            }
            frame.bind(step.id(), output);
            return output;
        } catch (FlowEnding ending) {
            throw ending;
        } catch (Halt halt) {
            String message = halt.outcome instanceof Outcome.Failed failed && !failed.stepId().equals(path)
                    ? "step '" + failed.stepId() + "' failed" : halt.outcome.error().orElseThrow();
            record(slot, path, card, halt.outcome.status(), started, inputs, null, message);
            throw halt;
        } catch (StepFailure | JsonTooDeep failure) {
            return fail(slot, path, card, started, inputs, failure.getMessage());
        } catch (RuntimeException e) {
            // A card that missed a case must fail its step, not the server; the log says which card.
            return fail(slot, path, card, started, inputs, "card " + card.name() + " failed unexpectedly ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private JsonValue fail(int slot, String path, Card card, Instant started, JsonObject inputs, String message) {
        record(slot, path, card, ExecutionStatus.FAILED, started, inputs, null, message);
        throw new Halt(new Outcome.Failed(path, message));
    }

    private JsonObject resolveInputs(Step step, Frame frame) {
        frame.textBudget.reset();
        JsonObject.Builder values = JsonObject.builder();
        for (Step.BoundInput bound : step.inputs()) {
            Input input = bound.input();
            JsonValue value = bound.expr().evaluate(frame);
            Optional<String> problem = input.problem(value);
            if (problem.isPresent()) {
                throw new StepFailure("input '" + input.name() + "' " + problem.get());
            }
            values.put(input.name(), value);
        }
        return values.build();
    }

    private void countOutput(JsonValue output) {
        long room = limits.maxOutputBytes() - outputBytes;
        long size = JsonWriter.utf8Size(output, room);
        if (size > room) {
            throw outputLimitExceeded();
        }
        outputBytes += size;
    }

    private Halt outputLimitExceeded() {
        return new Halt(new Outcome.LimitExceeded("the outputs of the flow's steps would exceed "
                + String.format(Locale.ROOT, "%,d", limits.maxOutputBytes()) + " bytes"));
    }

    private int reserveTraceSlot() {
        if (trace.size() >= limits.maxTracedSteps()) {
            return -1;
        }
        trace.add(null);
        return trace.size() - 1;
    }

    private void record(int slot, String path, Card card, ExecutionStatus status, Instant started,
                        JsonObject inputs, JsonValue output, String error) {
        if (slot < 0 && status == ExecutionStatus.SUCCEEDED) {
            return;
        }
        Instant finished = environment.clock().now();
        StepTrace entry = new StepTrace(path, card.name(), status, started,
                finished.isBefore(started) ? Duration.ZERO : Duration.between(started, finished),
                JsonWriter.head(inputs, StepTrace.MAX_PAYLOAD_CHARS),
                output == null ? null : JsonWriter.head(output, StepTrace.MAX_PAYLOAD_CHARS), error);
        if (slot < 0) {
            trace.add(entry);
        } else {
            trace.set(slot, entry);
        }
    }

    /** What a card may do while its step runs. */
    private final class Context implements StepContext {
        private final Step step;
        private final Frame frame;

        Context(Step step, Frame frame) {
            this.step = step;
            this.frame = frame;
        }

        @Override
        public Instant now() {
            return environment.clock().now();
        }

        @Override
        public int maxTextLength() {
            return frame.maxTextLength();
        }

        @Override
        public void ensureOutputRoom(long bytes) {
            if (bytes > limits.maxOutputBytes() - outputBytes) {
                throw outputLimitExceeded();
            }
        }

        @Override
        public JsonValue runBlock(String block) {
            return runSteps(step.block(block), frame);
        }

        @Override
        public JsonValue runBlock(String block, JsonValue binding) {
            frame.bind(step.id(), binding);
            return runSteps(step.block(block), frame);
        }

        @Override
        public JsonValue callFlow(String flowIdOrAlias, JsonValue input) {
            if (frame.depth >= limits.maxCallDepth()) {
                throw new StepFailure("flow.call may nest at most " + limits.maxCallDepth() + " calls deep");
            }
            CalledFlow callee = environment.flows().find(flowIdOrAlias)
                    .orElseThrow(() -> new StepFailure("there is no flow '" + flowIdOrAlias + "' to call"));
            JsonObject request = JsonObject.builder().put("body", input).build();
            Frame calleeFrame = new Frame(frame.depth + 1, frame.tracePrefix + step.id() + "/", request,
                    frame.lookup("caller"), callee.flow(), frame.lookup("execution"), frame.maxTextLength());
            try {
                runSteps(callee.program().steps(), calleeFrame);
                return JsonObject.empty();
            } catch (FlowEnding ending) {
                if (ending.outcome() instanceof Outcome.ReturnedError error) {
                    throw new StepFailure("flow '" + flowIdOrAlias + "' returned an error: " + error.message());
                }
                Response response = ((Outcome.Returned) ending.outcome()).response();
                return response instanceof Response.Json json ? json.body()
                        : JsonString.of(((Response.Raw) response).body());
            }
        }

        @Override
        public void respondNow(Response response) {
            if (frame.depth > 0) {
                throw new StepFailure("flow.close can only answer in the invoked flow, not in a called one");
            }
            if (earlyResponse != null) {
                throw new StepFailure("the request was already answered by an earlier flow.close");
            }
            earlyResponse = response;
            environment.onClose().accept(response);
        }
    }

    /** The values one flow's templates see; a called flow gets a frame of its own. */
    private static final class Frame implements Bindings {
        private final int depth;
        private final String tracePrefix;
        private final int maxTextLength;
        private final TextBudget textBudget;
        private final Map<String, JsonValue> values = new HashMap<>();

        Frame(int depth, String tracePrefix, JsonValue request, JsonValue caller, JsonValue flow,
              JsonValue execution, int maxTextLength) {
            this.depth = depth;
            this.tracePrefix = tracePrefix;
            this.maxTextLength = maxTextLength;
            this.textBudget = new TextBudget(maxTextLength);
            values.put("request", request);
            values.put("caller", caller);
            values.put("flow", flow);
            values.put("execution", execution);
        }

        void bind(String id, JsonValue value) {
            values.put(id, value);
        }

        @Override
        public JsonValue lookup(String root) {
            return values.getOrDefault(root, JsonNull.INSTANCE);
        }

        int maxTextLength() {
            return maxTextLength;
        }

        @Override
        public TextBudget textBudget() {
            return textBudget;
        }
    }

    /** Ends the run from any depth: a failed step, the deadline, or a bound. */
    private static final class Halt extends RuntimeException {
        private final Outcome outcome;

        Halt(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }
}
