package io.flowgate.domain.flow.language;

import static io.flowgate.domain.flow.language.FlowFixture.compact;
import static io.flowgate.domain.flow.language.FlowFixture.failure;
import static io.flowgate.domain.flow.language.FlowFixture.request;
import static io.flowgate.domain.flow.language.FlowFixture.returned;
import static io.flowgate.domain.flow.language.FlowFixture.returnedJson;
import static io.flowgate.domain.flow.language.FlowFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.domain.flow.language.json.JsonString;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplatesTest {

    private static final String BODY = "{'name':'Ada','age':36,'admin':true,'nothing':null,"
            + "'tags':['x','y'],'address':{'city':'Paris'},'price':2.50,'dotted.key':'d'}";

    private final FlowFixture flows = new FlowFixture();

    private JsonString returnedText(String template) {
        return (JsonString) returned(flows.run(returning("'" + template + "'"), BODY));
    }

    private static String returning(String body) {
        return "{'steps':[{'id':'r','card':'flow.return','in':{'body':" + body + "}}]}";
    }

    static Stream<Arguments> wholeTemplates() {
        return Stream.of(
                Arguments.of("{{request.body.name}}", "'Ada'"),
                Arguments.of("{{request.body.age}}", "36"),
                Arguments.of("{{request.body.price}}", "2.50"),
                Arguments.of("{{request.body.admin}}", "true"),
                Arguments.of("{{request.body.nothing}}", "null"),
                Arguments.of("{{request.body.tags}}", "['x','y']"),
                Arguments.of("{{request.body.tags[1]}}", "'y'"),
                Arguments.of("{{request.body.address}}", "{'city':'Paris'}"),
                Arguments.of("{{ request.body.address.city }}", "'Paris'"),
                Arguments.of("{{request.body[\\'dotted.key\\']}}", "'d'"),
                Arguments.of("{{request.headers.content-type}}", "'application/json'"),
                Arguments.of("{{request.query.format}}", "'xml'"),
                Arguments.of("{{caller.clientId}}", "'app1'"),
                Arguments.of("{{flow.id}}", "'flow1'"),
                Arguments.of("{{execution.id}}", "'exec1'"),
                Arguments.of("{{request.body.missing}}", "null"),
                Arguments.of("{{request.body.name.first}}", "null"),
                Arguments.of("{{request.body.tags[7]}}", "null"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("wholeTemplates")
    void aTextThatIsExactlyOneTemplate_keepsTheJsonTypeOfWhatItRefersTo(String template, String expected) {
        RunResult result = flows.run(returning("'" + template + "'"), BODY);

        assertThat(returnedJson(result)).isEqualTo(compact(expected));
    }

    static Stream<Arguments> interpolations() {
        return Stream.of(
                Arguments.of("Hello, {{request.body.name}}!", "Hello, Ada!"),
                Arguments.of("{{request.body.name}} is {{request.body.age}}", "Ada is 36"),
                Arguments.of("price {{request.body.price}}", "price 2.50"),
                Arguments.of("admin={{request.body.admin}}", "admin=true"),
                Arguments.of("[{{request.body.nothing}}]", "[]"),
                Arguments.of("[{{request.body.missing}}]", "[]"),
                Arguments.of("tags {{request.body.tags}}", "tags [\"x\",\"y\"]"),
                Arguments.of("at {{request.body.address}}", "at {\"city\":\"Paris\"}"),
                Arguments.of(" {{request.body.name}}", " Ada"),
                Arguments.of("no templates }} here", "no templates }} here"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("interpolations")
    void templatesInsideText_areInterpolatedAsText(String template, String expected) {
        assertThat(returnedText(template)).isEqualTo(JsonString.of(expected));
    }

    @Test
    void templatesInsideListsAndObjects_areResolvedInPlace() {
        RunResult result = flows.run(returning("{'who':'{{request.body.name}}','list':[1,'{{request.body.age}}',"
                + "{'city':'{{request.body.address.city}}'}],'fixed':[true]}"), BODY);

        assertThat(returnedJson(result))
                .isEqualTo(compact("{'who':'Ada','list':[1,36,{'city':'Paris'}],'fixed':[true]}"));
    }

    @Test
    void earlierStepOutputs_canBeReferredToByStepId() {
        RunResult result = flows.run("{'steps':["
                + "{'id':'parts','card':'text.split','in':{'text':'a@b.c','separator':'@'}},"
                + "{'id':'user','card':'object.set','in':{'object':{},'path':'email','value':'{{parts[0]}}'}},"
                + "{'id':'r','card':'flow.return','in':{'body':'{{user.email}}/{{parts[1]}}'}}]}");

        assertThat(returned(result)).isEqualTo(JsonString.of("a/b.c"));
    }

    @Test
    void aCompiledProgram_runsAgainWithOtherInputs() {
        FlowProgram program = flows.program(returning("'Hi {{request.body.name}}'"));

        RunResult first = flows.run(program, request(value("{'name':'Ada'}")), response -> { });
        RunResult second = flows.run(program, request(value("{'name':'Grace'}")), response -> { });

        assertThat(returned(first)).isEqualTo(JsonString.of("Hi Ada"));
        assertThat(returned(second)).isEqualTo(JsonString.of("Hi Grace"));
    }

    @Test
    void interpolatingPastTheTextLimit_failsTheStep() {
        FlowFixture small = new FlowFixture().limits(new Limits(10_000, 20, 5, 1_000));

        RunResult result = small.run(returning("'{{request.body.name}} {{request.body.name}}'"),
                "{'name':'" + "x".repeat(15) + "'}");

        assertThat(failure(result)).isEqualTo("the text would be longer than 20 characters");
    }

    @Test
    void theTextsInterpolatedForOneStep_shareOneTextLimit() {
        FlowFixture small = new FlowFixture().limits(new Limits(10_000, 1_000, 5, 1_000));
        String threeCopies = "{'steps':[{'id':'n','card':'list.length','in':{'list':"
                + "['{{request.body.t}}x','{{request.body.t}}x','{{request.body.t}}x']}}]}";

        RunResult result = small.run(threeCopies, "{'t':'" + "y".repeat(400) + "'}");

        assertThat(failure(result)).isEqualTo("the texts built for the step's inputs would be longer than 1,000 "
                + "characters in all");
    }

    @Test
    void eachStep_hasATextLimitOfItsOwn() {
        FlowFixture small = new FlowFixture().limits(new Limits(10_000, 1_000, 5, 1_000));
        String twoCopiesPerStep = "{'steps':["
                + "{'id':'a','card':'list.length','in':{'list':['{{request.body.t}}x','{{request.body.t}}x']}},"
                + "{'id':'b','card':'list.length','in':{'list':['{{request.body.t}}x','{{request.body.t}}x']}},"
                + "{'id':'r','card':'flow.return','in':{'body':['{{a}}','{{b}}']}}]}";

        RunResult result = small.run(twoCopiesPerStep, "{'t':'" + "y".repeat(400) + "'}");

        assertThat(returnedJson(result)).isEqualTo("[2,2]");
    }
}
