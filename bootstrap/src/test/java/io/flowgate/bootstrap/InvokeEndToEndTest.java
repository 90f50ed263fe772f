package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seed procedure end to end: app, key, grant, flow, token, invocation, execution history. */
class InvokeEndToEndTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();
    private final InvokeSeed seed = new InvokeSeed(node.http());

    private static final String GREETING_FLOW = """
            {"steps":[
              {"id":"greet","card":"text.concat","in":{"values":["Hello, ","{{request.body.name}}"]}},
              {"id":"done","card":"flow.return","in":{"body":{"greeting":"{{greet}}","caller":"{{caller.clientId}}"}}}
            ]}""";

    @Test
    void seedProcedure_returnsTheFlowsOutput_andRecordsTheExecutionWithItsCaller() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        Http http = node.http();
        InvokeSeed.Client client = seed.client(acme);
        String appId = client.id();
        InvokeSeed.Flow flow = seed.flow(acme, GREETING_FLOW);

        String accessToken = seed.token(acme, client);
        HttpResponse<String> invoked = http.post(flow.invokePath(), "{\"name\":\"Ada\"}",
                InvokeSeed.bearer(accessToken));

        assertThat(invoked.statusCode()).as(invoked.body()).isEqualTo(200);
        assertThat(json(invoked).get("greeting").asText()).isEqualTo("Hello, Ada");
        assertThat(json(invoked).get("caller").asText()).isEqualTo(appId);
        String executionId = invoked.headers().firstValue("x-flowgate-execution-id").orElseThrow();
        JsonNode executions = json(http.get(acme.api("/flows/" + flow.id() + "/executions"), acme.auth()));
        assertThat(executions).hasSize(1);
        assertThat(executions.get(0).get("id").asText()).isEqualTo(executionId);
        assertThat(executions.get(0).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(executions.get(0).get("caller").get("clientId").asText()).isEqualTo(appId);
        assertThat(executions.get(0).get("steps")).hasSize(2);
    }

    @Test
    void noToken_isA401WithABearerChallenge_andNothingRuns() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        InvokeSeed.Flow flow = seed.flow(acme, GREETING_FLOW);

        HttpResponse<String> refused = node.http().post(flow.invokePath(), "{\"name\":\"Ada\"}");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"flowgate\"");
        assertThat(refused.headers().firstValue("x-flowgate-execution-id")).isEmpty();
        assertThat(node.query("select count(*) from executions")).containsExactly("0");
        assertThat(node.query("select reason from system_log where event_type = 'invoke.denied'"))
                .containsExactly("token_missing");
    }
}
