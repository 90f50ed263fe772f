package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seed procedure end to end: app, key, grant, flow, token, invocation, execution history. */
class InvokeEndToEndTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static final String GREETING_FLOW = """
            {"name":"Greet","definition":{"steps":[
              {"id":"greet","card":"text.concat","in":{"values":["Hello, ","{{request.body.name}}"]}},
              {"id":"done","card":"flow.return","in":{"body":{"greeting":"{{greet}}","caller":"{{caller.clientId}}"}}}
            ]}}""";

    @Test
    void seedProcedure_returnsTheFlowsOutput_andRecordsTheExecutionWithItsCaller() throws Exception {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        Http http = node.http();
        String appId = json(http.post(acme.api("/apps"), "{\"label\":\"Invoker\"}", acme.auth())).get("id").asText();
        JsonNode key = json(http.post(acme.api("/apps/" + appId + "/credentials/jwks/generate"), "{\"alg\":\"RS256\"}",
                acme.auth()));
        http.post(acme.api("/apps/" + appId + "/grants"), "{\"scopeId\":\"okta.workflows.invoke.manage\"}", acme.auth());
        JsonNode flow = json(http.post(acme.api("/flows"), GREETING_FLOW, acme.auth()));
        String invokePath = flow.get("invokeUrl").asText().substring(RunningNode.PUBLIC_URL.length());

        String accessToken = token(acme, appId, RSAKey.parse(key.get("privateJwk").toString()));
        HttpResponse<String> invoked = http.post(invokePath, "{\"name\":\"Ada\"}", "Authorization", "Bearer " + accessToken);

        assertThat(invoked.statusCode()).as(invoked.body()).isEqualTo(200);
        assertThat(json(invoked).get("greeting").asText()).isEqualTo("Hello, Ada");
        assertThat(json(invoked).get("caller").asText()).isEqualTo(appId);
        String executionId = invoked.headers().firstValue("x-flowgate-execution-id").orElseThrow();
        JsonNode executions = json(http.get(acme.api("/flows/" + flow.get("id").asText() + "/executions"), acme.auth()));
        assertThat(executions).hasSize(1);
        assertThat(executions.get(0).get("id").asText()).isEqualTo(executionId);
        assertThat(executions.get(0).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(executions.get(0).get("caller").get("clientId").asText()).isEqualTo(appId);
        assertThat(executions.get(0).get("steps")).hasSize(2);
    }

    @Test
    void noToken_isA401WithABearerChallenge_andNothingRuns() {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        JsonNode flow = json(node.http().post(acme.api("/flows"), GREETING_FLOW, acme.auth()));
        String invokePath = flow.get("invokeUrl").asText().substring(RunningNode.PUBLIC_URL.length());

        HttpResponse<String> refused = node.http().post(invokePath, "{\"name\":\"Ada\"}");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"flowgate\"");
        assertThat(refused.headers().firstValue("x-flowgate-execution-id")).isEmpty();
        assertThat(node.query("select count(*) from executions")).containsExactly("0");
        assertThat(node.query("select reason from system_log where event_type = 'invoke.denied'"))
                .containsExactly("token_missing");
    }

    static String token(RunningNode.OrgAdmin org, String clientId, RSAKey privateKey) throws Exception {
        Date now = new Date();
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(privateKey.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(clientId).subject(clientId)
                        .audience(org.issuer() + "/oauth2/v1/token")
                        .issueTime(now).expirationTime(new Date(now.getTime() + 300_000))
                        .jwtID(UUID.randomUUID().toString()).build());
        assertion.sign(new RSASSASigner(privateKey));
        HttpResponse<String> response = node.http().postForm("/orgs/" + org.slug() + "/oauth2/v1/token",
                "grant_type=client_credentials&scope=okta.workflows.invoke.manage"
                        + "&client_assertion_type=" + URLEncoder.encode(
                                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                        + "&client_assertion=" + assertion.serialize());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("access_token").asText();
    }
}
