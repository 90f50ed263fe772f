package io.flowgate.domain.flow.language;

/**
 * The bounds of one run, shared by the flows it calls.
 *
 * @param maxSteps        steps run in total, counting steps inside branches, loops and called flows
 * @param maxOutputBytes  compact UTF-8 JSON size of all step outputs together; it also caps, in characters, the
 *                        texts templates build for one step's inputs together, and any text a card builds
 * @param maxCallDepth    how deep {@code flow.call} may nest
 * @param maxTracedSteps  steps recorded in the trace; later steps are recorded only when they fail
 */
public record Limits(int maxSteps, int maxOutputBytes, int maxCallDepth, int maxTracedSteps) {

    public static final Limits DEFAULT = new Limits(10_000, 1024 * 1024, 5, 1_000);

    public Limits {
        if (maxSteps < 1 || maxOutputBytes < 1 || maxCallDepth < 0 || maxTracedSteps < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
