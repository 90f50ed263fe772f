package io.flowgate.domain.flow.language;

import static io.flowgate.domain.flow.language.FlowFixture.failure;
import static io.flowgate.domain.flow.language.FlowFixture.returned;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.domain.flow.language.json.JsonString;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionsTest {

    private static final String BODY = "{'n':5,'text':'hello','list':[1,'a',{'k':1}],'yes':true,'no':false,"
            + "'nothing':null,'date':'2024-05-01'}";

    private final FlowFixture flows = new FlowFixture();

    private static String branching(String condition) {
        return "{'steps':[{'id':'check','card':'flow.if','in':{'condition':" + condition + "},"
                + "'then':[{'id':'yes','card':'flow.return','in':{'body':'then'}}],"
                + "'else':[{'id':'no','card':'flow.return','in':{'body':'else'}}]}]}";
    }

    static Stream<Arguments> conditions() {
        return Stream.of(
                Arguments.of("{'eq':['{{request.body.n}}',5]}", true),
                Arguments.of("{'eq':[1,1.0]}", true),
                Arguments.of("{'eq':[1,'1']}", false),
                Arguments.of("{'eq':['{{request.body.text}}','hello']}", true),
                Arguments.of("{'eq':[{'a':[1,2]},{'a':[1,2.00]}]}", true),
                Arguments.of("{'eq':['{{request.body.missing}}',null]}", true),
                Arguments.of("{'ne':['{{request.body.n}}',5]}", false),
                Arguments.of("{'ne':['a','b']}", true),
                Arguments.of("{'gt':['{{request.body.n}}',4.99]}", true),
                Arguments.of("{'gt':[5,5.0]}", false),
                Arguments.of("{'gte':[5,5.0]}", true),
                Arguments.of("{'lt':[-1,0]}", true),
                Arguments.of("{'lt':[0.30,0.3]}", false),
                Arguments.of("{'lte':[0.30,0.3]}", true),
                Arguments.of("{'lt':['apple','banana']}", true),
                Arguments.of("{'gt':['{{request.body.date}}','2024-04-30']}", true),
                Arguments.of("{'lt':['\uffff','😀']}", true),
                Arguments.of("{'contains':['{{request.body.text}}','ell']}", true),
                Arguments.of("{'contains':['{{request.body.text}}','xyz']}", false),
                Arguments.of("{'contains':['{{request.body.list}}','a']}", true),
                Arguments.of("{'contains':['{{request.body.list}}',{'k':1.0}]}", true),
                Arguments.of("{'contains':['{{request.body.list}}',2]}", false),
                Arguments.of("{'contains':['v12',12]}", true),
                Arguments.of("{'exists':'{{request.body.text}}'}", true),
                Arguments.of("{'exists':'{{request.body.nothing}}'}", false),
                Arguments.of("{'exists':'{{request.body.missing.deeper}}'}", false),
                Arguments.of("{'exists':false}", true),
                Arguments.of("{'and':[{'eq':[1,1]},{'exists':'{{request.body.n}}'}]}", true),
                Arguments.of("{'and':[{'eq':[1,1]},{'eq':[1,2]}]}", false),
                Arguments.of("{'or':[{'eq':[1,2]},{'eq':[2,2]}]}", true),
                Arguments.of("{'or':[{'eq':[1,2]},{'eq':[3,2]}]}", false),
                Arguments.of("{'not':{'eq':[1,2]}}", true),
                Arguments.of("{'not':{'not':{'eq':[1,1]}}}", true),
                Arguments.of("'{{request.body.yes}}'", true),
                Arguments.of("'{{request.body.no}}'", false),
                Arguments.of("true", true),
                Arguments.of("{'and':[{'eq':[1,2]},{'gt':['text',1]}]}", false),
                Arguments.of("{'or':[{'eq':[1,1]},{'gt':['text',1]}]}", true));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("conditions")
    void condition_choosesTheBranch(String condition, boolean expected) {
        RunResult result = flows.run(branching(condition), BODY);

        assertThat(returned(result)).isEqualTo(JsonString.of(expected ? "then" : "else"));
    }

    static Stream<Arguments> failingConditions() {
        return Stream.of(
                Arguments.of("{'gt':['{{request.body.n}}','4']}", "'gt' compares two numbers or two texts, not a number and text"),
                Arguments.of("{'lte':[null,1]}", "'lte' compares two numbers or two texts, not null and a number"),
                Arguments.of("{'contains':['{{request.body.n}}',5]}", "'contains' looks in text or a list, not in a number"),
                Arguments.of("{'contains':['abc',['a']]}", "'contains' looks for text in text, not for a list"),
                Arguments.of("'{{request.body.text}}'", "a condition must be true or false, not text"),
                Arguments.of("'{{request.body.missing}}'", "a condition must be true or false, not null"));
    }

    @ParameterizedTest(name = "{0} fails: {1}")
    @MethodSource("failingConditions")
    void conditionThatCannotBeDecided_failsTheStep(String condition, String message) {
        RunResult result = flows.run(branching(condition), BODY);

        assertThat(failure(result)).isEqualTo(message);
    }
}
