package io.flowgate.domain.flow.language;

import static io.flowgate.domain.flow.language.FlowFixture.compact;
import static io.flowgate.domain.flow.language.FlowFixture.failure;
import static io.flowgate.domain.flow.language.FlowFixture.request;
import static io.flowgate.domain.flow.language.FlowFixture.returned;
import static io.flowgate.domain.flow.language.FlowFixture.returnedJson;
import static io.flowgate.domain.flow.language.FlowFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.domain.execution.ExecutionStatus;
import io.flowgate.domain.flow.language.json.JsonNull;
import io.flowgate.domain.flow.language.json.JsonObject;
import io.flowgate.domain.flow.language.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlFlowTest {

    private final FlowFixture flows = new FlowFixture();

    @Test
    void if_givesTheLastOutputOfTheBranchTaken() {
        RunResult result = flows.run("{'steps':["
                + "{'id':'pick','card':'flow.if','in':{'condition':{'gt':['{{request.body.n}}',10]}},"
                + "'then':[{'id':'big','card':'text.concat','in':{'values':['big']}}],"
                + "'else':[{'id':'a','card':'text.concat','in':{'values':['small']}},"
                + "{'id':'b','card':'text.upper','in':{'text':'{{a}}'}}]},"
                + "{'id':'r','card':'flow.return','in':{'body':'{{pick}}'}}]}", "{'n':3}");

        assertThat(returned(result)).isEqualTo(JsonString.of("SMALL"));
    }

    @Test
    void if_withAnEmptyOrMissingBranch_givesNull() {
        RunResult result = flows.run("{'steps':["
                + "{'id':'pick','card':'flow.if','in':{'condition':false},'then':[{'id':'x','card':'date.now'}]},"
                + "{'id':'r','card':'flow.return','in':{'body':{'v':'{{pick}}'}}}]}");

        assertThat(returned(result)).isEqualTo(value("{'v':null}"));
    }

    @Test
    void forEach_runsItsListPerItem_andCollectsEachRoundsLastOutput() {
        RunResult result = flows.run("{'steps':["
                + "{'id':'loop','card':'flow.for_each','in':{'list':'{{request.body.names}}'},'do':["
                + "{'id':'upper','card':'text.upper','in':{'text':'{{loop.item}}'}},"
                + "{'id':'line','card':'text.concat','in':{'values':['{{loop.index}}:','{{upper}}']}}]},"
                + "{'id':'r','card':'flow.return','in':{'body':'{{loop}}'}}]}", "{'names':['ada','grace']}");

        assertThat(returned(result)).isEqualTo(value("['0:ADA','1:GRACE']"));
    }

    @Test
    void forEach_itemKeepsItsJsonType_andLoopsNest() {
        RunResult result = flows.run("{'steps':["
                + "{'id':'rows','card':'flow.for_each','in':{'list':[[1,2],[3]]},'do':["
                + "{'id':'cells','card':'flow.for_each','in':{'list':'{{rows.item}}'},'do':["
                + "{'id':'sum','card':'number.add','in':{'a':'{{cells.item}}','b':'{{rows.index}}'}}]}]},"
                + "{'id':'r','card':'flow.return','in':{'body':'{{rows}}'}}]}");

        assertThat(returnedJson(result)).isEqualTo("[[1,2],[4]]");
    }

    @Test
    void forEach_overAnEmptyList_givesAnEmptyList() {
        RunResult result = flows.run("{'steps':["
                + "{'id':'loop','card':'flow.for_each','in':{'list':[]},'do':[{'id':'x','card':'date.now'}]},"
                + "{'id':'r','card':'flow.return','in':{'body':'{{loop}}'}}]}");

        assertThat(returned(result)).isEqualTo(value("[]"));
    }

    @Test
    void call_runsAnotherFlow_whichSeesItsInputAsRequestBody_andGivesItsReturnedBody() {
        flows.flow("greeter", "{'steps':[{'id':'g','card':'text.concat','in':{'values':['Hi ','{{request.body.name}}',"
                + "' from ','{{flow.id}}',' for ','{{caller.clientId}}']}},"
                + "{'id':'r','card':'flow.return','in':{'body':{'greeting':'{{g}}'}}}]}");

        RunResult result = flows.run("{'steps':["
                + "{'id':'hello','card':'flow.call','in':{'flow':'greeter','input':{'name':'{{request.body.name}}'}}},"
                + "{'id':'r','card':'flow.return','in':{'body':'{{hello.greeting}}'}}]}", "{'name':'Ada'}");

        assertThat(returned(result)).isEqualTo(JsonString.of("Hi Ada from greeter for app1"));
        assertThat(result.trace()).extracting(trace -> trace.stepId())
                .containsExactly("hello", "hello/g", "hello/r", "r");
    }

    @Test
    void call_givesARawResponsesText_orAnEmptyObjectWhenTheCalledFlowReturnsNothing() {
        flows.flow("raw", "{'steps':[{'id':'r','card':'flow.return_raw','in':{'statusCode':404,'body':'<none/>'}}]}");
        flows.flow("silent", "{'steps':[{'id':'n','card':'date.now'}]}");

        RunResult result = flows.run("{'steps':[{'id':'a','card':'flow.call','in':{'flow':'raw'}},"
                + "{'id':'b','card':'flow.call','in':{'flow':'silent','input':1}},"
                + "{'id':'r','card':'flow.return','in':{'body':['{{a}}','{{b}}']}}]}");

        assertThat(returned(result)).isEqualTo(value("['<none/>',{}]"));
    }

    @Test
    void call_toAFlowThatReturnsAnError_failsTheCallingStep() {
        flows.flow("broken", "{'steps':[{'id':'e','card':'flow.return_error','in':{'message':'no stock'}}]}");

        RunResult result = flows.run("{'steps':[{'id':'c','card':'flow.call','in':{'flow':'broken'}}]}");

        assertThat(failure(result)).isEqualTo("flow 'broken' returned an error: no stock");
    }

    @Test
    void call_whoseStepFails_failsTheRunAtThatStep_throughTheCallingStep() {
        flows.flow("divider", "{'steps':[{'id':'d','card':'number.divide','in':{'a':1,'b':0}}]}");

        RunResult result = flows.run("{'steps':[{'id':'c','card':'flow.call','in':{'flow':'divider'}}]}");

        assertThat(result.outcome()).isEqualTo(new Outcome.Failed("c/d", "division by zero"));
        assertThat(result.trace()).extracting(trace -> trace.stepId() + " " + trace.status() + " " + trace.error())
                .containsExactly("c FAILED step 'c/d' failed", "c/d FAILED division by zero");
    }

    @Test
    void call_toAFlowNamedByATemplateThatDoesNotExist_failsTheStep() {
        RunResult result = flows.run("{'steps':[{'id':'c','card':'flow.call','in':{'flow':'{{request.body.f}}'}}]}",
                "{'f':'nowhere'}");

        assertThat(failure(result)).isEqualTo("there is no flow 'nowhere' to call");
    }

    @Test
    void calls_nestAtMostFiveDeep() {
        flows.flow("recurse", "{'steps':[{'id':'again','card':'flow.call','in':{'flow':'recurse',"
                + "'input':'{{request.body}}'}}]}");

        RunResult result = flows.run("{'steps':[{'id':'start','card':'flow.call','in':{'flow':'recurse'}}]}");

        assertThat(result.outcome()).isEqualTo(new Outcome.Failed("start/again/again/again/again/again",
                "flow.call may nest at most 5 calls deep"));
    }

    @Test
    void return_endsTheRun_fromInsideBranchesAndLoops() {
        RunResult result = flows.run("{'steps':["
                + "{'id':'loop','card':'flow.for_each','in':{'list':[1,2,3]},'do':["
                + "{'id':'found','card':'flow.if','in':{'condition':{'eq':['{{loop.item}}',2]}},"
                + "'then':[{'id':'r','card':'flow.return','in':{'body':{'found':'{{loop.index}}'}}}]}]},"
                + "{'id':'after','card':'flow.return','in':{'body':'not reached'}}]}");

        assertThat(returnedJson(result)).isEqualTo(compact("{'found':1}"));
        assertThat(result.stepsRun()).isEqualTo(4);
        assertThat(result.trace()).extracting(trace -> trace.stepId() + " " + trace.output())
                .containsExactly("loop null", "found null", "found null", "r {\"found\":1}");
    }

    @Test
    void returnRaw_givesItsStatusHeadersAndTextBody() {
        RunResult result = flows.run("{'steps':[{'id':'r','card':'flow.return_raw','in':{'statusCode':418,"
                + "'headers':{'content-type':'application/xml','x-count':3},'body':'<teapot/>'}}]}");

        assertThat(result.outcome()).isEqualTo(new Outcome.Returned(new Response.Raw(418,
                Map.of("content-type", "application/xml", "x-count", "3"), "<teapot/>")));
        assertThat(result.response()).contains(new Response.Raw(418,
                Map.of("content-type", "application/xml", "x-count", "3"), "<teapot/>"));
    }

    @Test
    void returnRaw_withoutHeadersOrBody_hasNone() {
        RunResult result = flows.run("{'steps':[{'id':'r','card':'flow.return_raw','in':{'statusCode':200}}]}");

        assertThat(result.response()).contains(new Response.Raw(200, Map.of(), ""));
    }

    @Test
    void returnRaw_refusesUnsafeStatusesAndHeaders_fromTemplatesToo() {
        String definition = "{'steps':[{'id':'r','card':'flow.return_raw','in':{'statusCode':'{{request.body.s}}',"
                + "'headers':'{{request.body.h}}'}}]}";

        assertThat(failure(flows.run(definition, "{'s':302,'h':{}}")))
                .isEqualTo("input 'statusCode' must be 200 or from 400 to 599");
        assertThat(failure(flows.run(definition, "{'s':200,'h':{'x-a':'1\\r\\nset-cookie: a=b'}}")))
                .isEqualTo("input 'headers' has header 'x-a' whose value holds a line break or control character");
        assertThat(failure(flows.run(definition, "{'s':200,'h':{'bad name':'1'}}")))
                .isEqualTo("input 'headers' has a header name that is not a valid HTTP header name");
        assertThat(failure(flows.run(definition, "{'s':200,'h':{'x-a':{}}}")))
                .isEqualTo("input 'headers' has header 'x-a' whose value is not text");
        assertThat(failure(flows.run(definition, "{'s':200,'h':{'Content-Type':'text/plain','content-type':'a/b'}}")))
                .isEqualTo("input 'headers' has header 'content-type' twice (header names are case-insensitive)");
    }

    @Test
    void returnRaw_takesOnlyAContentTypeTheServerCanWrite() {
        String definition = "{'steps':[{'id':'r','card':'flow.return_raw','in':{'statusCode':200,"
                + "'headers':{'Content-Type':'{{request.body.t}}'},'body':'x'}}]}";

        for (String served : new String[] {"text/plain", "application/json; charset=utf-8",
                "text/html;charset=ISO-8859-1", "application/vnd.api+json ; version=\"1.0; beta\"",
                "text/csv; charset=\"UTF-8\""}) {
            assertThat(flows.run(definition, bodyWithT(served)).response()).as(served)
                    .contains(new Response.Raw(200, Map.of("Content-Type", served), "x"));
        }
        for (String refused : new String[] {"garbage", "text/", "/plain", "text/plain; charset", "text/plain;",
                "text plain", "text/plain; a=\"unterminated"}) {
            assertThat(failure(flows.run(definition, bodyWithT(refused)))).as(refused).isEqualTo(
                    "input 'headers' has a content-type that is not a media type (type/subtype, then ;name=value "
                            + "parameters)");
        }
        for (String unknownCharset : new String[] {"text/plain; charset=x-no-such-charset",
                "text/plain; CHARSET=\"not a name\""}) {
            assertThat(failure(flows.run(definition, bodyWithT(unknownCharset)))).as(unknownCharset)
                    .isEqualTo("input 'headers' has a content-type that names a charset this server cannot write");
        }
    }

    /** A request body {@code {"t": text}}, the text's quotes escaped. */
    private static String bodyWithT(String text) {
        return "{'t':'" + text.replace("\"", "\\\"") + "'}";
    }

    @Test
    void returnError_endsTheRunAsFailed_withItsMessageForTheCaller() {
        RunResult result = flows.run("{'steps':[{'id':'e','card':'flow.return_error',"
                + "'in':{'message':'unknown customer {{request.body.id}}'}}]}", "{'id':7}");

        assertThat(result.outcome()).isEqualTo(new Outcome.ReturnedError("unknown customer 7"));
        assertThat(result.outcome().status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.response()).isEmpty();
    }

    @Test
    void noReturn_answersAnEmptyObject() {
        RunResult result = flows.run("{'steps':[{'id':'n','card':'date.now'}]}");

        assertThat(result.outcome()).isEqualTo(new Outcome.NoReturn());
        assertThat(result.response()).contains(new Response.Json(JsonObject.empty()));
    }

    @Test
    void close_answersAtOnce_andTheRunGoesOnToItsEnd() {
        List<String> events = new ArrayList<>();
        FlowProgram program = flows.program("{'steps':["
                + "{'id':'ack','card':'flow.close','in':{'statusCode':200,'body':'accepted'}},"
                + "{'id':'work','card':'text.upper','in':{'text':'done'}},"
                + "{'id':'r','card':'flow.return','in':{'body':'{{work}}'}}]}");

        RunResult result = flows.run(program, request(JsonNull.INSTANCE),
                response -> events.add("answered " + ((Response.Raw) response).body()));

        assertThat(events).containsExactly("answered accepted");
        assertThat(result.earlyResponse()).contains(new Response.Raw(200, Map.of(), "accepted"));
        assertThat(result.response()).isEqualTo(result.earlyResponse());
        assertThat(returned(result)).isEqualTo(JsonString.of("DONE"));
        assertThat(result.outcome().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void close_twice_failsTheSecond() {
        RunResult result = flows.run("{'steps':[{'id':'a','card':'flow.close','in':{'statusCode':200}},"
                + "{'id':'b','card':'flow.close','in':{'statusCode':500}}]}");

        assertThat(failure(result)).isEqualTo("the request was already answered by an earlier flow.close");
        assertThat(result.earlyResponse()).contains(new Response.Raw(200, Map.of(), ""));
    }

    @Test
    void close_inACalledFlow_failsTheStep() {
        flows.flow("closer", "{'steps':[{'id':'a','card':'flow.close','in':{'statusCode':200}}]}");

        RunResult result = flows.run("{'steps':[{'id':'c','card':'flow.call','in':{'flow':'closer'}}]}");

        assertThat(failure(result)).isEqualTo("flow.close can only answer in the invoked flow, not in a called one");
        assertThat(result.earlyResponse()).isEmpty();
    }

    @Test
    void aProgramWithFlowCloseAtAnyDepth_answersEarly() {
        assertThat(flows.program("{'steps':[{'id':'a','card':'flow.close','in':{'statusCode':200}}]}")
                .answersEarly()).isTrue();
        assertThat(flows.program("{'steps':[{'id':'loop','card':'flow.for_each','in':{'list':[1]},'do':["
                + "{'id':'check','card':'flow.if','in':{'condition':{'eq':[1,1]}},'then':[],'else':["
                + "{'id':'ack','card':'flow.close','in':{'statusCode':200}}]}]}]}").answersEarly()).isTrue();
    }

    @Test
    void aProgramWithoutFlowClose_orWithItOnlyInACalledFlow_doesNotAnswerEarly() {
        flows.flow("closer", "{'steps':[{'id':'a','card':'flow.close','in':{'statusCode':200}}]}");

        assertThat(flows.program("{'steps':[{'id':'check','card':'flow.if','in':{'condition':{'eq':[1,1]}},"
                + "'then':[{'id':'done','card':'flow.return','in':{'body':{}}}]}]}").answersEarly()).isFalse();
        assertThat(flows.program("{'steps':[{'id':'c','card':'flow.call','in':{'flow':'closer'}}]}")
                .answersEarly()).isFalse();
    }
}
