package io.flowgate.domain.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StepTraceTest {

    private static final Instant STARTED = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration TOOK = Duration.ofMillis(2);

    private static StepTrace trace(String input, String output) {
        return new StepTrace("greet", "text.concat", ExecutionStatus.SUCCEEDED, STARTED, TOOK, input, output, null);
    }

    @Test
    void payloadOfExactly4096Characters_isKeptWhole() {
        String payload = "x".repeat(4096);

        StepTrace step = trace(payload, payload);

        assertThat(step.input()).isEqualTo(payload);
        assertThat(step.output()).isEqualTo(payload);
    }

    @Test
    void longerInput_isCutTo4096CharactersEndingWithAnEllipsis() {
        String payload = "a".repeat(4095) + "bcdef";

        StepTrace step = trace(payload, "{}");

        assertThat(step.input()).hasSize(4096).isEqualTo("a".repeat(4095) + "\u2026");
        assertThat(step.output()).isEqualTo("{}");
    }

    @Test
    void longerOutput_isCutTo4096CharactersEndingWithAnEllipsis() {
        String payload = "b".repeat(10_000);

        StepTrace step = trace("{}", payload);

        assertThat(step.output()).hasSize(4096).startsWith("b".repeat(4095)).endsWith("\u2026");
        assertThat(step.input()).isEqualTo("{}");
    }

    @Test
    void cut_neverSplitsACharacterOutsideTheBasicPlane() {
        // 4094 chars then an emoji (a surrogate pair) that straddles the cut at 4095.
        String payload = "a".repeat(4094) + "\uD83D\uDE00".repeat(10);

        String cut = trace(payload, null).input();

        assertThat(cut).isEqualTo("a".repeat(4094) + "\u2026");
    }

    @Test
    void missingPayloads_stayMissing() {
        StepTrace step = trace(null, null);

        assertThat(step.input()).isNull();
        assertThat(step.output()).isNull();
    }

    @Test
    void stepWithoutIdCardStatusOrTiming_isRefused() {
        ExecutionStatus ok = ExecutionStatus.SUCCEEDED;
        assertThatNullPointerException().isThrownBy(() -> new StepTrace(null, "c", ok, STARTED, TOOK, "", "", null));
        assertThatNullPointerException().isThrownBy(() -> new StepTrace("s", null, ok, STARTED, TOOK, "", "", null));
        assertThatNullPointerException().isThrownBy(() -> new StepTrace("s", "c", null, STARTED, TOOK, "", "", null));
        assertThatNullPointerException().isThrownBy(() -> new StepTrace("s", "c", ok, null, TOOK, "", "", null));
        assertThatNullPointerException().isThrownBy(() -> new StepTrace("s", "c", ok, STARTED, null, "", "", null));
    }
}
