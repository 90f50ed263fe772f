package io.flowgate.domain.flow.language;

import static io.flowgate.domain.flow.language.FlowFixture.NOW;
import static io.flowgate.domain.flow.language.FlowFixture.failure;
import static io.flowgate.domain.flow.language.FlowFixture.returned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.flowgate.domain.execution.ExecutionStatus;
import io.flowgate.domain.execution.StepTrace;
import io.flowgate.domain.flow.language.json.JsonArray;
import io.flowgate.domain.flow.language.json.JsonNumber;
import io.flowgate.domain.flow.language.json.JsonObject;
import io.flowgate.domain.flow.language.json.JsonWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(30)
class BoundsTest {

    private final FlowFixture flows = new FlowFixture();

    private static String numbers(int count) {
        JsonArray.Builder list = JsonArray.builder();
        for (int i = 0; i < count; i++) {
            list.add(JsonNumber.of(i));
        }
        return JsonWriter.compact(JsonObject.builder().put("list", list.build()).build());
    }

    @Test
    void aLoopOverTwentyThousandItems_stopsCleanlyAtTenThousandSteps() {
        RunResult result = flows.run("{'steps':[{'id':'loop','card':'flow.for_each',"
                + "'in':{'list':'{{request.body.list}}'},"
                + "'do':[{'id':'next','card':'number.add','in':{'a':'{{loop.item}}','b':1}}]}]}", numbers(20_000));

        assertThat(result.outcome()).isEqualTo(new Outcome.LimitExceeded("the flow would run more than 10,000 steps"));
        assertThat(result.outcome().status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.stepsRun()).isEqualTo(10_000);
        StepTrace loop = result.trace().get(0);
        assertThat(loop.stepId()).isEqualTo("loop");
        assertThat(loop.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(loop.error()).isEqualTo("the flow would run more than 10,000 steps");
    }

    @Test
    void theTrace_keepsTheFirstThousandSteps_andStillRecordsAFailureAfterThem() {
        RunResult result = flows.run("{'steps':[{'id':'loop','card':'flow.for_each',"
                + "'in':{'list':'{{request.body.list}}'},"
                + "'do':[{'id':'inverse','card':'number.divide','in':{'a':1,'b':'{{loop.item}}'}}]}]}",
                "{'list':[" + "1,".repeat(1_200) + "0]}");

        assertThat(failure(result)).isEqualTo("division by zero");
        assertThat(result.stepsRun()).isEqualTo(1_202);
        assertThat(result.trace()).hasSize(1_001);
        assertThat(result.trace().get(1_000).error()).isEqualTo("division by zero");
        assertThat(result.trace().get(0).error()).isEqualTo("step 'inverse' failed");
    }

    @Test
    void outputsBeyondOneMebibyteInTotal_endTheRun_atTheStepThatWentOver() {
        String text = "x".repeat(600 * 1024);

        RunResult result = flows.run("{'steps':[{'id':'a','card':'text.upper','in':{'text':'{{request.body.t}}'}},"
                + "{'id':'b','card':'text.lower','in':{'text':'{{a}}'}}]}", "{'t':'" + text + "'}");

        assertThat(result.outcome())
                .isEqualTo(new Outcome.LimitExceeded("the outputs of the flow's steps would exceed 1,048,576 bytes"));
        assertThat(result.trace()).extracting(StepTrace::stepId, StepTrace::status)
                .containsExactly(tuple("a", ExecutionStatus.SUCCEEDED),
                        tuple("b", ExecutionStatus.FAILED));
    }

    @Test
    void whatALoopCollects_isNotCountedTwice() {
        String hundredKib = "x".repeat(100 * 1024);

        RunResult result = flows.run("{'steps':[{'id':'loop','card':'flow.for_each','in':{'list':[1,2,3,4,5,6]},"
                + "'do':[{'id':'copy','card':'text.lower','in':{'text':'{{request.body.t}}'}}]},"
                + "{'id':'n','card':'list.length','in':{'list':'{{loop}}'}},"
                + "{'id':'r','card':'flow.return','in':{'body':'{{n}}'}}]}", "{'t':'" + hundredKib + "'}");

        assertThat(returned(result)).isEqualTo(JsonNumber.of(6));
    }

    @Test
    void valuesThatDoubleAtEveryStep_hitTheOutputLimit_quickly() {
        StringBuilder steps = new StringBuilder("{'steps':[{'id':'s0','card':'list.append','in':{'list':[],"
                + "'item':'seed'}}");
        for (int i = 1; i <= 100; i++) {
            steps.append(",{'id':'s").append(i).append("','card':'list.append','in':{'list':'{{s").append(i - 1)
                    .append("}}','item':'{{s").append(i - 1).append("}}'}}");
        }

        RunResult result = flows.run(steps.append("]}").toString());

        assertThat(result.outcome()).isInstanceOf(Outcome.LimitExceeded.class);
        assertThat(result.stepsRun()).isLessThan(30);
    }

    @Test
    void valuesNestedTooDeep_failTheStep_insteadOfOverflowingTheStack() {
        StringBuilder steps = new StringBuilder("{'steps':[{'id':'s0','card':'list.append','in':{'list':[],"
                + "'item':[]}}");
        for (int i = 1; i <= 200; i++) {
            steps.append(",{'id':'s").append(i).append("','card':'list.append','in':{'list':[],'item':'{{s")
                    .append(i - 1).append("}}'}}");
        }

        RunResult result = flows.run(steps.append("]}").toString());

        assertThat(failure(result)).isEqualTo("a value may nest lists and objects at most 128 levels deep");
        assertThat(((Outcome.Failed) result.outcome()).stepId()).isEqualTo("s127");
    }

    @Test
    void settingAlongAPathOfAHundredThousandSegments_failsTheStep_insteadOfOverflowingTheStack() {
        String path = "a" + ".a".repeat(100_000);

        RunResult result = flows.run("{'steps':[{'id':'deep','card':'object.set','in':{'object':{},"
                + "'path':'{{request.body.p}}','value':1}}]}", "{'p':'" + path + "'}");

        assertThat(failure(result)).isEqualTo("a path to set may have at most 128 segments, as values nest at most"
                + " 128 levels deep; this one has 100,001");
        assertThat(((Outcome.Failed) result.outcome()).stepId()).isEqualTo("deep");
    }

    @Test
    void aReplacementThatWouldExplode_failsBeforeBuildingTheText() {
        RunResult result = flows.run("{'steps':[{'id':'boom','card':'text.replace','in':{'text':'{{request.body.t}}',"
                + "'search':'a','replace':'{{request.body.r}}'}}]}",
                "{'t':'" + "a".repeat(10_000) + "','r':'" + "b".repeat(10_000) + "'}");

        assertThat(failure(result)).isEqualTo("the text would be longer than 1,048,576 characters");
    }

    @Test
    void aMebibyteOfSeparators_endsTheRunAtTheOutputBound_beforeAMillionPartsAreMade() {
        RunResult result = flows.run("{'steps':[{'id':'parts','card':'text.split','in':{'text':'{{request.body.t}}',"
                + "'separator':','}}]}", "{'t':'" + ",".repeat(1024 * 1024) + "'}");

        assertThat(result.outcome())
                .isEqualTo(new Outcome.LimitExceeded("the outputs of the flow's steps would exceed 1,048,576 bytes"));
        assertThat(result.trace()).extracting(StepTrace::stepId, StepTrace::status)
                .containsExactly(tuple("parts", ExecutionStatus.FAILED));
    }

    static Stream<Arguments> outputsCheckedBeforeTheyAreBuilt() {
        return Stream.of(
                // [""] is 4 bytes, each further separator adds ,"" (3 bytes): 332 commas make exactly 1,000.
                Arguments.of("text.split", ",".repeat(332), ",", true),
                Arguments.of("text.split", ",".repeat(333), ",", false),
                Arguments.of("text.split", "ab::".repeat(199), "::", true),
                Arguments.of("text.split", "ab::".repeat(199) + "ab", "::", false),
                // 4 Base64 characters per 3 bytes, plus the quotes: 747 bytes make 998, 748 make 1,002.
                Arguments.of("base64.encode", "a".repeat(747), "", true),
                Arguments.of("base64.encode", "a".repeat(748), "", false),
                Arguments.of("base64.encode", "é".repeat(373), "", true),
                Arguments.of("base64.encode", "é".repeat(374), "", false),
                Arguments.of("base64.encode", "😀".repeat(186), "", true),
                Arguments.of("base64.encode", "😀".repeat(187), "", false),
                Arguments.of("text.upper", "a".repeat(998), "", true),
                Arguments.of("text.upper", "a".repeat(999), "", false),
                Arguments.of("text.upper", "ß".repeat(499), "", true),
                Arguments.of("text.upper", "ß".repeat(500), "", false),
                Arguments.of("text.lower", "A".repeat(998), "", true),
                Arguments.of("text.lower", "A".repeat(999), "", false));
    }

    @ParameterizedTest(name = "[{index}] {0} fits: {3}")
    @MethodSource("outputsCheckedBeforeTheyAreBuilt")
    void anOutputThatGrowsFromItsInput_isRefusedOnlyWhenItWouldNotFit(String card, String text, String separator,
                                                                        boolean fits) {
        FlowFixture small = new FlowFixture().limits(new Limits(10_000, 1_000, 5, 1_000));
        String in = separator.isEmpty() ? "{'text':'{{request.body.t}}'}"
                : "{'text':'{{request.body.t}}','separator':'" + separator + "'}";

        RunResult result = small.run("{'steps':[{'id':'s','card':'" + card + "','in':" + in + "}]}",
                "{'t':'" + text + "'}");

        assertThat(result.outcome()).isEqualTo(fits ? new Outcome.NoReturn()
                : new Outcome.LimitExceeded("the outputs of the flow's steps would exceed 1,000 bytes"));
    }

    @Test
    void changingCase_neverShortensACharacter_asTheCaseCardsOutputCheckAssumes() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            if (Character.getType(codePoint) == Character.SURROGATE) {
                continue;
            }
            String text = Character.toString(codePoint);
            assertThat(text.toUpperCase(Locale.ROOT).length()).as("U+%X", codePoint).isGreaterThanOrEqualTo(
                    text.length());
            assertThat(text.toLowerCase(Locale.ROOT).length()).as("U+%X", codePoint).isGreaterThanOrEqualTo(
                    text.length());
        }
    }

    static Stream<Arguments> searches() {
        String definitionOf = "{'steps':[{'id':'s','card':'%s','in':%s}]}";
        return Stream.of(
                Arguments.of(String.format(definitionOf, "text.contains",
                        "{'text':'{{request.body.t}}','search':'{{request.body.s}}'}")),
                Arguments.of(String.format(definitionOf, "text.split",
                        "{'text':'{{request.body.t}}','separator':'{{request.body.s}}'}")),
                Arguments.of(String.format(definitionOf, "text.replace",
                        "{'text':'{{request.body.t}}','search':'{{request.body.s}}','replace':'x'}")),
                Arguments.of(String.format(definitionOf, "flow.if",
                        "{'condition':{'contains':['{{request.body.t}}','{{request.body.s}}']}}")));
    }

    // String.indexOf takes about 600,000 × 300,000 steps here, minutes; the run's deadline is not looked at within
    // a step. The timeout only keeps a regression from hanging the build: a linear search takes milliseconds.
    @ParameterizedTest
    @MethodSource("searches")
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void searchingALongTextForALongAlmostMatch_takesLinearTime(String definition) {
        RunResult result = flows.run(definition, "{'t':'" + "a".repeat(600_000) + "','s':'" + "a".repeat(300_000)
                + "b'}");

        assertThat(result.outcome()).isEqualTo(new Outcome.NoReturn());
    }

    @Test
    void theDeadline_isCheckedBeforeEachStep_andEndsTheRunAsTimedOut() {
        AtomicLong ticks = new AtomicLong();
        TimeSource oneSecondPerReading = () -> NOW.plusSeconds(ticks.getAndIncrement());
        FlowFixture slow = new FlowFixture().clock(oneSecondPerReading, NOW.plusSeconds(10));

        RunResult result = slow.run("{'steps':[{'id':'loop','card':'flow.for_each',"
                + "'in':{'list':'{{request.body.list}}'},"
                + "'do':[{'id':'tick','card':'date.now'}]}]}", numbers(1_000));

        assertThat(result.outcome()).isEqualTo(new Outcome.TimedOut());
        assertThat(result.outcome().status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(result.stepsRun()).isLessThan(10);
        assertThat(result.trace().get(0).status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    }

    @Test
    void boundMessages_writeThousandsTheSameWay_whateverTheServersLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            FlowFixture small = new FlowFixture().limits(new Limits(1_500, 1_000, 5, 1_000));

            RunResult steps = small.run("{'steps':[{'id':'loop','card':'flow.for_each',"
                    + "'in':{'list':'{{request.body.list}}'},'do':[{'id':'n','card':'flow.if',"
                    + "'in':{'condition':true}}]}]}", numbers(2_000));
            RunResult output = small.run("{'steps':[{'id':'u','card':'text.upper',"
                    + "'in':{'text':'{{request.body.t}}'}}]}", "{'t':'" + "x".repeat(1_000) + "'}");
            RunResult text = small.run("{'steps':[{'id':'j','card':'json.stringify',"
                    + "'in':{'value':'{{request.body}}'}}]}", "{'t':'" + "x".repeat(1_000) + "'}");

            assertThat(steps.outcome())
                    .isEqualTo(new Outcome.LimitExceeded("the flow would run more than 1,500 steps"));
            assertThat(output.outcome())
                    .isEqualTo(new Outcome.LimitExceeded("the outputs of the flow's steps would exceed 1,000 bytes"));
            assertThat(failure(text)).isEqualTo("the text would be longer than 1,000 characters");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aRunWhoseDeadlineHasPassed_runsNoStep() {
        FlowFixture late = new FlowFixture().clock(() -> NOW, NOW);

        RunResult result = late.run("{'steps':[{'id':'n','card':'date.now'}]}");

        assertThat(result.outcome()).isEqualTo(new Outcome.TimedOut());
        assertThat(result.stepsRun()).isZero();
        assertThat(result.trace()).isEmpty();
    }

    @Test
    void stepsAndOutputOfCalledFlows_countTowardsTheSameBounds() {
        FlowFixture small = new FlowFixture().limits(new Limits(5, 1024 * 1024, 5, 1_000));
        small.flow("helper", "{'steps':[{'id':'a','card':'date.now'},{'id':'b','card':'date.now'}]}");

        RunResult result = small.run("{'steps':[{'id':'c1','card':'flow.call','in':{'flow':'helper'}},"
                + "{'id':'c2','card':'flow.call','in':{'flow':'helper'}}]}");

        assertThat(result.outcome()).isEqualTo(new Outcome.LimitExceeded("the flow would run more than 5 steps"));
    }

    @Test
    void traceInputsAndOutputs_areCutTo4096Characters() {
        String text = "y".repeat(10_000);

        RunResult result = flows.run("{'steps':[{'id':'u','card':'text.upper','in':{'text':'{{request.body.t}}'}}]}",
                "{'t':'" + text + "'}");

        StepTrace trace = result.trace().get(0);
        assertThat(trace.input()).hasSize(StepTrace.MAX_PAYLOAD_CHARS).startsWith("{\"text\":\"yyy").endsWith("…");
        assertThat(trace.output()).hasSize(StepTrace.MAX_PAYLOAD_CHARS).startsWith("\"YYY").endsWith("…");
    }

    @Test
    void stepTrace_recordsIdCardStatusTimesInputsAndOutput() {
        AtomicLong millis = new AtomicLong();
        FlowFixture timed = new FlowFixture().clock(() -> NOW.plusMillis(millis.getAndAdd(5)), NOW.plusSeconds(60));

        RunResult result = timed.run("{'steps':[{'id':'sum','card':'number.add','in':{'a':'{{request.body.a}}','b':2}},"
                + "{'id':'r','card':'flow.return','in':{'body':{'sum':'{{sum}}'}}}]}", "{'a':1.5}");

        assertThat(result.trace()).hasSize(2);
        StepTrace sum = result.trace().get(0);
        assertThat(sum.stepId()).isEqualTo("sum");
        assertThat(sum.card()).isEqualTo("number.add");
        assertThat(sum.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(sum.started()).isEqualTo(NOW);
        assertThat(sum.duration()).isEqualTo(Duration.ofMillis(5));
        assertThat(sum.input()).isEqualTo("{\"a\":1.5,\"b\":2}");
        assertThat(sum.output()).isEqualTo("3.5");
        assertThat(sum.error()).isNull();
        StepTrace ret = result.trace().get(1);
        assertThat(ret.started()).isEqualTo(NOW.plusMillis(10));
        assertThat(ret.output()).isEqualTo("{\"sum\":3.5}");
    }

    @Test
    void aFailedStepsTrace_hasItsErrorAndNoOutput() {
        RunResult result = flows.run("{'steps':[{'id':'d','card':'number.divide','in':{'a':1,'b':0}}]}");

        StepTrace trace = result.trace().get(0);
        assertThat(trace.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(trace.error()).isEqualTo("division by zero");
        assertThat(trace.input()).isEqualTo("{\"a\":1,\"b\":0}");
        assertThat(trace.output()).isNull();
        assertThat(result.outcome().error()).contains("step 'd' failed: division by zero");
    }

}
