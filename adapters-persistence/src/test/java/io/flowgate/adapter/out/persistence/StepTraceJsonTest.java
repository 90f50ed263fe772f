package io.flowgate.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowgate.domain.execution.ExecutionStatus;
import io.flowgate.domain.execution.StepTrace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StepTraceJsonTest {

    private static final Instant STARTED = Instant.parse("2026-11-30T10:15:30.123456Z");

    @Test
    void noSteps_isAnEmptyArray() {
        assertThat(StepTraceJson.write(List.of())).isEqualTo("[]");
        assertThat(StepTraceJson.read("[]")).isEmpty();
    }

    @Test
    void textThatJsonMustEscape_comesBackExactly() {
        String awkward = "quote \" backslash \\ newline \n tab \t cr \r bs \b ff \f soh \u0001 unit \u001f "
                + "del \u007f slash / line sep \u2028 snowman ☃ emoji 😀 end";
        List<StepTrace> steps = List.of(
                new StepTrace("greet", "text.concat", ExecutionStatus.SUCCEEDED, STARTED, Duration.ofNanos(12_345),
                        "{\"values\":[\"" + awkward + "\"]}", awkward, null),
                new StepTrace("fail", "number.divide", ExecutionStatus.FAILED, STARTED.plusMillis(1),
                        Duration.ZERO, null, null, awkward));

        assertThat(StepTraceJson.read(StepTraceJson.write(steps))).isEqualTo(steps);
    }

    /** PostgreSQL cannot hold NUL, neither in text nor as a json value read as text. */
    @Test
    void nul_isWrittenAsTheReplacementCharacter() {
        StepTrace step = new StepTrace("s\u0000", "text.concat", ExecutionStatus.FAILED, STARTED, Duration.ZERO,
                "\"a\u0000b\"", null, "x\u0000y");

        String json = StepTraceJson.write(List.of(step));

        assertThat(json).doesNotContain("\u0000", "\\u0000");
        assertThat(StepTraceJson.read(json)).containsExactly(new StepTrace("s\uFFFD", "text.concat",
                ExecutionStatus.FAILED, STARTED, Duration.ZERO, "\"a\uFFFDb\"", null, "x\uFFFDy"));
    }

    /** Jackson wrote the stored traces before, and reads them still: the hand-written text must be the same. */
    @Test
    void randomSteps_areWrittenAsJacksonWroteThem() throws Exception {
        ObjectMapper jackson = new ObjectMapper();
        SplittableRandom random = new SplittableRandom(11);
        List<StepTrace> steps = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            StepTrace step = new StepTrace(text(random), text(random), ExecutionStatus.values()[random.nextInt(ExecutionStatus.values().length)],
                    Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextInt(1_000_000_000)),
                    Duration.ofNanos(random.nextLong(0, 90_000_000_000L)), nullOrText(random), nullOrText(random),
                    nullOrText(random));
            StepTraceJson record = new StepTraceJson(step.stepId(), step.card(), step.status().name(),
                    step.started().toString(), step.duration().toString(), step.input(), step.output(), step.error());

            assertThat(StepTraceJson.write(List.of(step))).isEqualTo(jackson.writeValueAsString(List.of(record)));
            steps.add(step);
        }

        assertThat(StepTraceJson.read(StepTraceJson.write(steps))).isEqualTo(steps);
    }

    private static String nullOrText(SplittableRandom random) {
        return random.nextInt(4) == 0 ? null : text(random);
    }

    /** Mostly control characters (but NUL), quotes and backslashes, with some letters and characters beyond ASCII. */
    private static String text(SplittableRandom random) {
        char[] pool = {'"', '\\', '/', 'a', 'Z', ' ', 'é', '☃', '\u007f', '\u2028'};
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(0, 40);
        for (int i = 0; i < length; i++) {
            text.append(random.nextBoolean() ? (char) random.nextInt(1, 0x20) : pool[random.nextInt(pool.length)]);
        }
        return text.toString();
    }
}
