package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An org or an alias may be named {@code oauth2}: its admin API still answers problem details and
 * its invoke URL still takes {@code FLOWGATE_MAX_BODY}; only the org's authorization server speaks OAuth.
 */
class RoutesNamedOAuth2Test {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    @Test
    void adminApiOfAnOrgNamedOAuth2_answersProblemDetails() {
        OrgAdmin org = node.createOrg("oauth2");

        HttpResponse<String> refused = node.http().post(org.api("/apps"), "{\"label\":", org.auth());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(refused).get("status").asInt()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Pragma")).as("set only at the OAuth endpoints").isEmpty();
    }

    @Test
    void tokenEndpointOfAnOrgNamedOAuth2_stillSpeaksOAuth() {
        OrgAdmin org = node.createOrg("oauth2-too");

        HttpResponse<String> refused = node.http().get("/orgs/" + org.slug() + "/oauth2/v1/token");

        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(json(refused).get("error").asText()).isEqualTo("invalid_request");
        assertThat(refused.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void flowAliasedOAuth2_takesABodyOverTheTokenEndpointsLimit() {
        OrgAdmin org = node.createOrg("acme");
        InvokeSeed seed = new InvokeSeed(node.http());
        InvokeSeed.Flow flow = seed.flow(org, "{\"steps\":[{\"id\":\"size\",\"card\":\"text.length\","
                + "\"in\":{\"text\":\"{{request.body}}\"}},{\"id\":\"done\",\"card\":\"flow.return\","
                + "\"in\":{\"body\":{\"length\":\"{{size}}\"}}}]}");
        seed.addAlias(org, flow, "oauth2");
        seed.endpoint(org, flow, "{\"security\":\"PUBLIC\"}");
        String body = "x".repeat(100 * 1024);

        HttpResponse<String> answer = node.http().send(HttpRequest
                .newBuilder(node.http().uri("/orgs/acme/api/flo/oauth2/invoke"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json(answer).get("length").asInt()).isEqualTo(body.length());
        assertThat(answer.headers().firstValue("Cache-Control")).isEmpty();
    }
}
