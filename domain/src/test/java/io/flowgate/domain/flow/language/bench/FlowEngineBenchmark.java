package io.flowgate.domain.flow.language.bench;

import io.flowgate.domain.flow.language.FlowLanguage;
import io.flowgate.domain.flow.language.FlowLookup;
import io.flowgate.domain.flow.language.FlowProgram;
import io.flowgate.domain.flow.language.Limits;
import io.flowgate.domain.flow.language.ParsedDefinition;
import io.flowgate.domain.flow.language.RunEnvironment;
import io.flowgate.domain.flow.language.RunInputs;
import io.flowgate.domain.flow.language.RunResult;
import io.flowgate.domain.flow.language.card.StandardCards;
import io.flowgate.domain.flow.language.json.JsonParser;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A realistic ten-step flow, parsed once and run many times, with the real clock and a full trace. Run it with
 * {@code bench/flow-engine.sh}; it is not part of the test suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FlowEngineBenchmark {

    /** Normalises a sign-up, prices it and answers; ten steps run (the branch taken runs one of its two). */
    public static final String DEFINITION = """
            {"steps":[
              {"id":"email","card":"text.trim","in":{"text":"{{request.body.email}}"}},
              {"id":"email_lower","card":"text.lower","in":{"text":"{{email}}"}},
              {"id":"name","card":"text.trim","in":{"text":"{{request.body.name}}"}},
              {"id":"greeting","card":"text.concat","in":{"values":["Hello, ","{{name}}","!"]}},
              {"id":"parts","card":"text.split","in":{"text":"{{email_lower}}","separator":"@"}},
              {"id":"price","card":"flow.if",
               "in":{"condition":{"and":[{"exists":"{{request.body.plan}}"},{"eq":["{{request.body.plan}}","gold"]}]}},
               "then":[{"id":"discounted","card":"number.multiply","in":{"a":"{{request.body.total}}","b":0.9}}],
               "else":[{"id":"full","card":"number.add","in":{"a":"{{request.body.total}}","b":0}}]},
              {"id":"total","card":"number.round","in":{"value":"{{price}}","places":2}},
              {"id":"user_id","card":"hash.sha256","in":{"text":"{{email_lower}}"}},
              {"id":"done","card":"flow.return","in":{"body":{"id":"{{user_id}}","greeting":"{{greeting}}",
                "domain":"{{parts[1]}}","total":"{{total}}","caller":"{{caller.clientId}}"}}}
            ]}""";

    public static final String REQUEST = """
            {"method":"POST","path":"/orgs/acme/api/flo/signup/invoke","query":{},
             "headers":{"content-type":"application/json"},
             "body":{"email":"  Ada.Lovelace@Example.COM ","name":" Ada ","plan":"gold","total":123.45},
             "raw":""}""";

    private FlowLanguage language;
    private FlowProgram program;
    private RunInputs inputs;
    private RunEnvironment environment;

    @Setup
    public void setUp() {
        language = new FlowLanguage(StandardCards.registry(), Limits.DEFAULT);
        program = ((ParsedDefinition.Valid) language.parse(DEFINITION, reference -> false)).program();
        inputs = new RunInputs(JsonParser.parse(REQUEST),
                JsonParser.parse("{\"clientId\":\"0oa1b2c3\",\"scopes\":[\"okta.workflows.invoke.manage\"],"
                        + "\"security\":\"OAUTH2\"}"),
                JsonParser.parse("{\"id\":\"flow1\",\"name\":\"Sign-up\"}"),
                JsonParser.parse("{\"id\":\"exec1\"}"));
        // A deadline that never passes: the benchmark measures the run, not the timeout.
        environment = RunEnvironment.of(Instant::now, Instant.MAX, FlowLookup.NONE);
    }

    @Benchmark
    public RunResult runTenSteps() {
        return language.run(program, inputs, environment);
    }

    @Benchmark
    public ParsedDefinition parseAndValidate() {
        return language.parse(DEFINITION, reference -> false);
    }
}
