package io.flowgate.domain.flow.language;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a run needs from outside the domain.
 *
 * @param clock    the time
 * @param deadline checked before each step; a run that reaches it ends as timed out
 * @param flows    the flows {@code flow.call} can reach
 * @param onClose  told at once when {@code flow.close} answers the request, so that the invoker can send the
 *                 response while the run goes on; the answer is also in {@link RunResult#earlyResponse()}
 */
public record RunEnvironment(TimeSource clock, Instant deadline, FlowLookup flows, Consumer<Response> onClose) {

    public RunEnvironment {
        Objects.requireNonNull(clock);
        Objects.requireNonNull(deadline);
        Objects.requireNonNull(flows);
        Objects.requireNonNull(onClose);
    }

    public static RunEnvironment of(TimeSource clock, Instant deadline, FlowLookup flows) {
        return new RunEnvironment(clock, deadline, flows, response -> { });
    }
}
