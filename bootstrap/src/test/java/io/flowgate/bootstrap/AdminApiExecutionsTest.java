package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.FlowFixtures.MADE_UP_ID;
import static io.flowgate.bootstrap.FlowFixtures.problem;
import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.bootstrap.FlowFixtures.ExecutionRow;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Execution history through the org admin API: per flow, paged, and one execution with its step trace. */
class AdminApiExecutionsTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static final String STEPS = """
            [{"stepId":"greet","card":"text.concat","status":"SUCCEEDED","started":"2026-03-01T10:00:00.000200Z",
              "duration":"PT0.0015S","input":"{\\"values\\":[\\"Hello, \\",\\"Ada\\"]}","output":"\\"Hello, Ada\\"",
              "error":null},
             {"stepId":"fail","card":"flow.return_error","status":"FAILED","started":"2026-03-01T10:00:00.001800Z",
              "duration":"PT0.000007S","input":"{\\"message\\":\\"no\\"}","output":null,"error":"no"}]""";

    private final FlowFixtures fixtures = new FlowFixtures(node);
    private final Http http = node.http();
    private OrgAdmin acme;
    private String flowId;

    @BeforeEach
    void flow() {
        acme = node.createOrg("acme");
        flowId = fixtures.createFlow(acme, "Greeter").get("id").asText();
    }

    @Test
    void execution_isShownWithStatusCallerTimesAndStepTrace() throws Exception {
        String app = fixtures.createApp(acme, "Invoker");
        fixtures.insert(new ExecutionRow("exec0000000000000001", acme.id(), flowId, 1, "FAILED", app,
                "okta.workflows.invoke.manage other.scope", "OAUTH2", "2026-03-01T10:00:00.000100Z",
                "2026-03-01T10:00:00.002600Z", "no", STEPS));

        HttpResponse<String> response = http.get(acme.api("/executions/exec0000000000000001"), acme.auth());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(response)).isEqualTo(Http.JSON.readTree("""
                {"id":"exec0000000000000001","flowId":"%s","flowVersion":1,"status":"FAILED",
                 "caller":{"clientId":"%s","scopes":["okta.workflows.invoke.manage","other.scope"],"security":"OAUTH2"},
                 "started":"2026-03-01T10:00:00.000100Z","finished":"2026-03-01T10:00:00.002600Z","error":"no",
                 "steps":[
                   {"id":"greet","card":"text.concat","status":"SUCCEEDED","started":"2026-03-01T10:00:00.000200Z",
                    "durationMicros":1500,"input":"{\\"values\\":[\\"Hello, \\",\\"Ada\\"]}","output":"\\"Hello, Ada\\"",
                    "error":null},
                   {"id":"fail","card":"flow.return_error","status":"FAILED","started":"2026-03-01T10:00:00.001800Z",
                    "durationMicros":7,"input":"{\\"message\\":\\"no\\"}","output":null,"error":"no"}]}
                """.formatted(flowId, app)));
    }

    @Test
    void runningExecutionOfAnAnonymousCaller_hasNoClientScopesOrFinish() {
        fixtures.insert(new ExecutionRow("exec0000000000000001", acme.id(), flowId, 1, "RUNNING", null, "",
                "CLIENT_TOKEN", "2026-03-01T10:00:00Z", null, null, "[]"));

        JsonNode execution = json(http.get(acme.api("/executions/exec0000000000000001"), acme.auth()));

        assertThat(execution.get("status").asText()).isEqualTo("RUNNING");
        assertThat(execution.get("caller").get("clientId").isNull()).isTrue();
        assertThat(execution.get("caller").get("scopes")).isEmpty();
        assertThat(execution.get("caller").get("security").asText()).isEqualTo("CLIENT_TOKEN");
        assertThat(execution.get("started").asText()).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(execution.get("finished").isNull()).isTrue();
        assertThat(execution.get("error").isNull()).isTrue();
        assertThat(execution.get("steps")).isEmpty();
    }

    @Test
    void flowExecutions_areListedInOrder_pagedWithALink_andOnlyThatFlowsOnes() {
        String otherFlow = fixtures.createFlow(acme, "Other").get("id").asText();
        for (String id : new String[] {"exec0000000000000003", "exec0000000000000001", "exec0000000000000002"}) {
            fixtures.insert(ExecutionRow.succeeded(id, acme.id(), flowId));
        }
        fixtures.insert(ExecutionRow.succeeded("exec0000000000000004", acme.id(), otherFlow));
        String executions = acme.api("/flows/" + flowId + "/executions");

        HttpResponse<String> all = http.get(executions, acme.auth());
        HttpResponse<String> page1 = http.get(executions + "?limit=2", acme.auth());
        String link = page1.headers().firstValue("Link").orElseThrow();
        HttpResponse<String> page2 = http.get(link.substring(link.indexOf("/orgs/"), link.indexOf('>')), acme.auth());

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(json(all)).extracting(execution -> execution.get("id").asText())
                .containsExactly("exec0000000000000001", "exec0000000000000002", "exec0000000000000003");
        assertThat(json(all).get(0).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json(all).get(0)).isEqualTo(json(http.get(acme.api("/executions/exec0000000000000001"), acme.auth())));
        assertThat(link).isEqualTo("<" + acme.issuer() + "/api/v1/flows/" + flowId
                + "/executions?limit=2&after=exec0000000000000002>; rel=\"next\"");
        assertThat(json(page1)).extracting(execution -> execution.get("id").asText())
                .containsExactly("exec0000000000000001", "exec0000000000000002");
        assertThat(json(page2)).extracting(execution -> execution.get("id").asText())
                .containsExactly("exec0000000000000003");
        assertThat(page2.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void flowWithoutExecutions_listsNone() {
        HttpResponse<String> response = http.get(acme.api("/flows/" + flowId + "/executions"), acme.auth());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).isEmpty();
        assertThat(response.headers().firstValue("Link")).isEmpty();
    }

    @Test
    void unknownOrMalformedIds_areA404Problem() {
        fixtures.insert(ExecutionRow.succeeded("exec0000000000000001", acme.id(), flowId));

        for (String id : new String[] {MADE_UP_ID, "not-an-id"}) {
            problem(http.get(acme.api("/executions/" + id), acme.auth()), 404);
            problem(http.get(acme.api("/flows/" + id + "/executions"), acme.auth()), 404);
        }
    }

    @Test
    void badPagingParameters_areA400Problem() {
        for (String query : new String[] {"limit=0", "limit=201", "limit=x", "after=a%20b"}) {
            problem(http.get(acme.api("/flows/" + flowId + "/executions?" + query), acme.auth()), 400);
        }
    }

    @Test
    void executionOfADeletedFlow_isStillReadable() {
        fixtures.insert(ExecutionRow.succeeded("exec0000000000000001", acme.id(), flowId));

        http.delete(acme.api("/flows/" + flowId), acme.auth());
        HttpResponse<String> response = http.get(acme.api("/executions/exec0000000000000001"), acme.auth());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("flowId").asText()).isEqualTo(flowId);
    }
}
