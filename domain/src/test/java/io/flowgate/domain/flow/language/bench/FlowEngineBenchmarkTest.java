package io.flowgate.domain.flow.language.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.domain.flow.language.Outcome;
import io.flowgate.domain.flow.language.ParsedDefinition;
import io.flowgate.domain.flow.language.Response;
import io.flowgate.domain.flow.language.RunResult;
import io.flowgate.domain.flow.language.json.JsonParser;
import org.junit.jupiter.api.Test;

/** The benchmark must measure a run that succeeds, with the ten steps it claims. */
class FlowEngineBenchmarkTest {

    @Test
    void benchmarkFlow_runsTenSteps_andReturnsTheNormalisedSignUp() {
        FlowEngineBenchmark benchmark = new FlowEngineBenchmark();
        benchmark.setUp();

        RunResult result = benchmark.runTenSteps();

        assertThat(result.stepsRun()).isEqualTo(10);
        assertThat(result.outcome()).isEqualTo(new Outcome.Returned(new Response.Json(JsonParser.parse(
                "{\"id\":\"e814ff3dc480a94c7ce9334062ec4733c75a002f4bcec0197f62ffea64059e2f\","
                        + "\"greeting\":\"Hello, Ada!\",\"domain\":\"example.com\",\"total\":111.11,"
                        + "\"caller\":\"0oa1b2c3\"}"))));
        assertThat(benchmark.parseAndValidate()).isInstanceOf(ParsedDefinition.Valid.class);
    }
}
