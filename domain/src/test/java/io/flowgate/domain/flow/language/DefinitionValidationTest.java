package io.flowgate.domain.flow.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Definitions are checked completely when saved; each problem names its place with a JSON pointer. */
class DefinitionValidationTest {

    private static final String NOT_YET_RUN = ", which has not run at this point; a step can use the steps before it"
            + " in its list and in the lists around it";

    private final FlowFixture flows = new FlowFixture().flow("helper", "{'steps':[]}");

    private List<String> errors(String definition) {
        return flows.errors(definition).stream().map(error -> error.pointer() + ": " + error.message()).toList();
    }

    private static String step(String card, String in) {
        return "{'steps':[{'id':'s','card':'" + card + "','in':" + in + "}]}";
    }

    static Stream<Arguments> invalidDefinitions() {
        return Stream.of(
                // the definition as a whole
                Arguments.of("[]", List.of(": a definition must be an object {\"steps\":[...]}, not a list")),
                Arguments.of("{}", List.of(": missing 'steps'")),
                Arguments.of("{'steps':{}}", List.of("/steps: 'steps' must be a list of steps")),
                Arguments.of("{'steps':[],'name':'x'}", List.of("/name: unknown key 'name'; a definition has only "
                        + "'steps'")),
                Arguments.of("{'steps':[],'a/b~c':1}", List.of("/a~1b~0c: unknown key 'a/b~c'; a definition has only "
                        + "'steps'")),
                // steps, ids and cards
                Arguments.of("{'steps':[1]}", List.of("/steps/0: a step must be an object, not a number")),
                Arguments.of("{'steps':[{'card':'date.now'}]}", List.of("/steps/0: missing 'id'")),
                Arguments.of("{'steps':[{'id':'a'}]}", List.of("/steps/0: missing 'card'")),
                Arguments.of("{'steps':[{'id':1,'card':'date.now'}]}", List.of("/steps/0/id: 'id' must be text")),
                Arguments.of("{'steps':[{'id':'1st','card':'date.now'}]}", List.of("/steps/0/id: step id '1st' must be"
                        + " a letter or '_' followed by up to 63 letters, digits or '_'")),
                Arguments.of("{'steps':[{'id':'a-b','card':'date.now'}]}", List.of("/steps/0/id: step id 'a-b' must be"
                        + " a letter or '_' followed by up to 63 letters, digits or '_'")),
                Arguments.of("{'steps':[{'id':'" + "a".repeat(65) + "','card':'date.now'}]}", List.of("/steps/0/id: "
                        + "step id '"
                        + "a".repeat(64) + "…' must be a letter or '_' followed by up to 63 letters, digits or '_'")),
                Arguments.of("{'steps':[{'id':'request','card':'date.now'}]}",
                        List.of("/steps/0/id: 'request' is reserved for the flow's inputs; choose another step id")),
                Arguments.of("{'steps':[{'id':'a','card':'date.now'},{'id':'b','card':'flow.if',"
                        + "'in':{'condition':true},"
                        + "'then':[{'id':'a','card':'date.now'}]}]}",
                        List.of("/steps/1/then/0/id: duplicate step id 'a'; it is already used at /steps/0")),
                Arguments.of("{'steps':[{'id':'a','card':'date.now'},{'id':'b','card':'flow.if',"
                        + "'in':{'condition':true},"
                        + "'else':[{'id':'a','card':'date.now'}]}]}",
                        List.of("/steps/1/else/0/id: duplicate step id 'a'; it is already used at /steps/0")),
                Arguments.of("{'steps':[{'id':'b','card':'flow.if','in':{'condition':true},"
                        + "'then':[{'id':'a','card':'date.now'}],'else':[{'id':'a','card':'date.now'}]}]}",
                        List.of("/steps/0/else/0/id: duplicate step id 'a'; it is already used at /steps/0/then/0")),
                Arguments.of("{'steps':[{'id':'loop','card':'flow.for_each','in':{'list':[1]},"
                        + "'do':[{'id':'x','card':'date.now'},{'id':'x','card':'date.now'}]}]}",
                        List.of("/steps/0/do/1/id: duplicate step id 'x'; it is already used at /steps/0/do/0")),
                Arguments.of("{'steps':[{'id':'loop','card':'flow.for_each','in':{'list':[1]},"
                        + "'do':[{'id':'loop','card':'date.now'}]}]}",
                        List.of("/steps/0/do/0/id: duplicate step id 'loop'; it is already used at /steps/0")),
                Arguments.of("{'steps':[{'id':'x','card':'date.now'},{'id':'loop','card':'flow.for_each',"
                        + "'in':{'list':[1]},'do':[{'id':'x','card':'date.now'}]}]}",
                        List.of("/steps/1/do/0/id: duplicate step id 'x'; it is already used at /steps/0")),
                Arguments.of("{'steps':[{'id':'a','card':'text.reverse'}]}", List.of("/steps/0/card: unknown card "
                        + "'text.reverse'")),
                Arguments.of("{'steps':[{'id':'a','card':3}]}", List.of("/steps/0/card: 'card' must be text")),
                Arguments.of("{'steps':[{'id':'a','card':'text.upper','in':{'text':'x'},'then':[]}]}",
                        List.of("/steps/0/then: unknown key 'then'; a text.upper step has id, card, in")),
                // inputs
                Arguments.of(step("text.upper", "[]"), List.of("/steps/0/in: 'in' must be an object")),
                Arguments.of(step("text.upper", "{}"), List.of("/steps/0/in: missing input 'text'; text.upper takes "
                        + "text")),
                Arguments.of("{'steps':[{'id':'s','card':'text.upper'}]}",
                        List.of("/steps/0: missing input 'text'; text.upper takes text")),
                Arguments.of(step("text.upper", "{'text':'a','txt':'b'}"),
                        List.of("/steps/0/in/txt: unknown input 'txt'; text.upper takes text")),
                Arguments.of(step("date.now", "{'zone':'UTC'}"), List.of("/steps/0/in/zone: unknown input 'zone'; "
                        + "date.now takes no inputs")),
                Arguments.of(step("number.add", "{'a':'x','b':1}"), List.of("/steps/0/in/a: input 'a' must be a "
                        + "number, not text")),
                Arguments.of(step("text.upper", "{'text':[1]}"), List.of("/steps/0/in/text: input 'text' must be "
                        + "text, not a list")),
                Arguments.of(step("text.upper", "{'text':null}"), List.of("/steps/0/in/text: input 'text' must be "
                        + "text, not null")),
                Arguments.of(step("text.upper", "{'text':['{{request.body}}']}"),
                        List.of("/steps/0/in/text: input 'text' must be text, not a list")),
                Arguments.of(step("text.concat", "{'values':'a {{request.body}}'}"),
                        List.of("/steps/0/in/values: input 'values' must be a list, not text")),
                Arguments.of(step("list.at", "{'list':[],'index':0.5}"),
                        List.of("/steps/0/in/index: input 'index' must be a whole number between -2^63 and 2^63-1")),
                Arguments.of(step("flow.return_raw", "{'statusCode':302}"),
                        List.of("/steps/0/in/statusCode: input 'statusCode' must be 200 or from 400 to 599")),
                Arguments.of(step("flow.close", "{'statusCode':200,'headers':{'x':'a\\nb'}}"),
                        List.of("/steps/0/in/headers: input 'headers' has header 'x' whose value holds a line break "
                                + "or control character")),
                Arguments.of(step("number.round", "{'value':1,'places':40}"),
                        List.of("/steps/0/in/places: input 'places' must be from 0 to 34")),
                Arguments.of(step("date.add", "{'date':'2024-05-01','amount':1,'unit':'weeks'}"),
                        List.of("/steps/0/in/unit: input 'unit' must be one of seconds, minutes, hours or days")),
                Arguments.of(step("date.format", "{'date':'2024-05-01','pattern':'yyyy-bb'}"),
                        List.of("/steps/0/in/pattern: input 'pattern' is not a valid date pattern: Unknown pattern "
                                + "letter: b")),
                Arguments.of(step("date.format", "{'date':'2024-05-01','pattern':'yyyy','zone':'Mars/Olympus'}"),
                        List.of("/steps/0/in/zone: input 'zone' is not a known time zone (use an id like UTC, "
                                + "Europe/Paris or +02:00)")),
                Arguments.of(step("text.replace", "{'text':'a','search':'','replace':'b'}"),
                        List.of("/steps/0/in/search: input 'search' must not be empty")),
                Arguments.of(step("object.get", "{'object':{},'path':'a[x]'}"),
                        List.of("/steps/0/in/path: input 'path' is not a valid path: an index in [] must be a whole "
                                + "number 0 or more, in path 'a[x]'")),
                Arguments.of(step("flow.call", "{'flow':'ghost'}"), List.of("/steps/0/in/flow: there is no flow "
                        + "'ghost' in this org")),
                // templates
                Arguments.of(step("text.upper", "{'text':'{{user.email}}'}"), List.of("/steps/0/in/text: template "
                        + "{{user.email}}"
                        + " refers to 'user', which is not request, caller, flow, execution or the id of a step")),
                Arguments.of("{'steps':[{'id':'a','card':'text.upper','in':{'text':'{{b}}'}},{'id':'b',"
                        + "'card':'date.now'}]}",
                        List.of("/steps/0/in/text: template {{b}} refers to step 'b'" + NOT_YET_RUN)),
                Arguments.of("{'steps':[{'id':'a','card':'text.upper','in':{'text':'{{a}}'}}]}",
                        List.of("/steps/0/in/text: template {{a}} refers to step 'a'" + NOT_YET_RUN)),
                Arguments.of("{'steps':[{'id':'a','card':'date.now'},{'id':'b','card':'date.now'},{'id':'c',"
                        + "'card':'date.now'},"
                        + "{'id':'d','card':'text.concat','in':{'values':['{{a}}','{{nobody}}']}}]}",
                        List.of("/steps/3/in/values/1: template {{nobody}} refers to 'nobody', which is not request, "
                                + "caller,"
                                + " flow, execution or the id of a step")),
                Arguments.of("{'steps':[{'id':'check','card':'flow.if','in':{'condition':true},"
                        + "'then':[{'id':'inner','card':'date.now'}]},{'id':'after','card':'text.upper',"
                        + "'in':{'text':'{{inner}}'}}]}",
                        List.of("/steps/1/in/text: template {{inner}} refers to step 'inner'" + NOT_YET_RUN)),
                Arguments.of("{'steps':[{'id':'check','card':'flow.if','in':{'condition':true},"
                        + "'else':[{'id':'inner','card':'date.now'}]},{'id':'after','card':'text.upper',"
                        + "'in':{'text':'{{inner}}'}}]}",
                        List.of("/steps/1/in/text: template {{inner}} refers to step 'inner'" + NOT_YET_RUN)),
                Arguments.of("{'steps':[{'id':'loop','card':'flow.for_each','in':{'list':[1]},"
                        + "'do':[{'id':'inner','card':'date.now'}]},{'id':'after','card':'text.upper',"
                        + "'in':{'text':'{{inner}}'}}]}",
                        List.of("/steps/1/in/text: template {{inner}} refers to step 'inner'" + NOT_YET_RUN)),
                Arguments.of("{'steps':[{'id':'outer','card':'flow.for_each','in':{'list':[1]},'do':["
                        + "{'id':'inner','card':'flow.for_each','in':{'list':[2]},"
                        + "'do':[{'id':'deepest','card':'date.now'}]},"
                        + "{'id':'after','card':'text.upper','in':{'text':'{{deepest}}'}}]}]}",
                        List.of("/steps/0/do/1/in/text: template {{deepest}} refers to step 'deepest'" + NOT_YET_RUN)),
                Arguments.of("{'steps':[{'id':'loop','card':'flow.for_each','in':{'list':[1]},"
                        + "'do':[{'id':'x','card':'text.upper','in':{'text':'{{loop.value}}'}}]}]}",
                        List.of("/steps/0/do/0/in/text: template {{loop.value}}: inside its 'do' list, 'loop' offers "
                                + "only"
                                + " loop.item and loop.index")),
                Arguments.of("{'steps':[{'id':'loop','card':'flow.for_each','in':{'list':'{{loop}}'},"
                        + "'do':[{'id':'x','card':'date.now'}]}]}",
                        List.of("/steps/0/in/list: template {{loop}} refers to step 'loop'" + NOT_YET_RUN)),
                Arguments.of(step("text.upper", "{'text':'a {{request.body'}"),
                        List.of("/steps/0/in/text: '{{' without a closing '}}'; a template looks like {{path}}")),
                Arguments.of(step("text.upper", "{'text':'{{ }}'}"), List.of("/steps/0/in/text: empty template {{}}")),
                Arguments.of(step("text.upper", "{'text':'{{request..body}}'}"), List.of("/steps/0/in/text: template"
                        + " {{request..body}}: expected a name at position 9 of path 'request..body'")),
                Arguments.of(step("text.upper", "{'text':'{{[0]}}'}"), List.of("/steps/0/in/text: template {{[0]}} "
                        + "must start"
                        + " with request, caller, flow, execution or a step id")),
                // conditions and step lists
                Arguments.of(step("flow.if", "{'condition':{'eq':[1]}}"),
                        List.of("/steps/0/in/condition/eq: 'eq' takes a list of two values: [left, right]")),
                Arguments.of(step("flow.if", "{'condition':{'like':[1,2]}}"), List.of("/steps/0/in/condition/like: "
                        + "unknown"
                        + " condition operator 'like'; use one of eq, ne, gt, gte, lt, lte, contains, exists, and, "
                        + "or, not")),
                Arguments.of(step("flow.if", "{'condition':{'eq':[1,1],'ne':[1,2]}}"), List.of("/steps/0/in/condition:"
                        + " a condition is an object with exactly one operator: eq, ne, gt, gte, lt, lte, contains, "
                        + "exists, and, or, not")),
                Arguments.of(step("flow.if", "{'condition':{'and':[]}}"),
                        List.of("/steps/0/in/condition/and: 'and' takes a list of at least one condition")),
                Arguments.of(step("flow.if", "{'condition':'yes'}"), List.of("/steps/0/in/condition: a condition "
                        + "must be an"
                        + " object like {\"eq\":[a,b]} or true or false, not text")),
                Arguments.of(step("flow.if", "{'condition':{'or':[{'exists':'x'},{'not':{'eq':['{{ghost}}',1]}}]}}"),
                        List.of("/steps/0/in/condition/or/1/not/eq/0: template {{ghost}} refers to 'ghost', which is "
                                + "not"
                                + " request, caller, flow, execution or the id of a step")),
                Arguments.of(step("flow.if", "{'condition':true},'then':{}"), List.of("/steps/0/then: 'then' must be "
                        + "a list of steps")),
                Arguments.of(step("flow.for_each", "{'list':[]}"), List.of("/steps/0: missing step list 'do'")),
                Arguments.of(step("flow.for_each", "{'list':[]},'do':[]"), List.of("/steps/0/do: 'do' must hold at "
                        + "least one step")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDefinitions")
    void invalidDefinition_isRefusedWithPointedErrors(String definition, List<String> expected) {
        assertThat(errors(definition)).containsExactlyElementsOf(expected);
    }

    @Test
    void textThatIsNotJson_isOneErrorAtTheRoot() {
        List<DefinitionError> errors = flows.errors("{'steps':[}");

        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.pointer()).isEmpty();
            assertThat(error.message()).isEqualTo("not valid JSON: unexpected character '}', expected a value at "
                    + "line 1, column 11");
        });
    }

    @Test
    void everyProblem_isReported_notJustTheFirst() {
        List<String> errors = errors("{'steps':[{'id':'a','card':'nope'},{'id':'b','card':'text.upper',"
                + "'in':{'text':1,'x':2}},"
                + "{'id':'a','card':'number.add','in':{'a':'{{zz}}'}}]}");

        assertThat(errors).containsExactlyInAnyOrder(
                "/steps/2/id: duplicate step id 'a'; it is already used at /steps/0",
                "/steps/0/card: unknown card 'nope'",
                "/steps/1/in/x: unknown input 'x'; text.upper takes text",
                "/steps/2/in/a: template {{zz}} refers to 'zz', which is not request, caller, flow, execution or the "
                        + "id of a step",
                "/steps/2/in: missing input 'b'; number.add takes a, b");
    }

    @Test
    void referencesThatFollowTheScopeRules_areAccepted() {
        flows.program("{'steps':["
                + "{'id':'first','card':'date.now'},"
                + "{'id':'loop','card':'flow.for_each','in':{'list':[1,2]},'do':["
                + "{'id':'a','card':'text.concat','in':{'values':['{{first}}','{{loop.item}}','{{loop.index}}']}},"
                + "{'id':'pick','card':'flow.if','in':{'condition':{'exists':'{{a}}'}},"
                + "'then':[{'id':'b','card':'text.concat','in':{'values':['{{a}}','{{loop.item}}',"
                + "'{{request.body}}']}}]}]},"
                + "{'id':'after','card':'list.length','in':{'list':'{{loop}}'}},"
                + "{'id':'call','card':'flow.call','in':{'flow':'helper','input':'{{caller}}'}},"
                + "{'id':'dynamic','card':'flow.call','in':{'flow':'{{request.body.target}}'}},"
                + "{'id':'r','card':'flow.return','in':{'body':['{{flow.id}}','{{execution.id}}','{{first}}',"
                + "'{{after}}']}}]}");
    }

    @Test
    void anEmptyFlow_isValid() {
        flows.program("{'steps':[]}");
    }
}
