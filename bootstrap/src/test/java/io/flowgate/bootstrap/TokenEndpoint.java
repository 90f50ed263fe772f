package io.flowgate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.List;
import java.util.stream.StreamSupport;

/** Sending token requests to a running node and reading what they left behind. */
final class TokenEndpoint {

    private TokenEndpoint() {
    }

    static HttpResponse<String> request(RunningNode node, ApiClient client, TokenForm form, String... headers) {
        return node.http().postForm(client.tokenPath(), form.encode(), headers);
    }

    /** The org's system log entries of one type, oldest first, through the admin API. */
    static List<JsonNode> logEvents(RunningNode node, OrgAdmin org, String eventType) {
        HttpResponse<String> logs = node.http().get(org.api("/logs?limit=200"), org.auth());
        assertThat(logs.statusCode()).as(logs.body()).isEqualTo(200);
        return StreamSupport.stream(Http.json(logs).spliterator(), false)
                .filter(event -> event.get("eventType").asText().equals(eventType))
                .toList();
    }

    /** The org's published signing keys, as a resource server fetches them. */
    static JWKSet jwks(RunningNode node, OrgAdmin org) {
        HttpResponse<String> keys = node.http().get("/orgs/" + org.slug() + "/oauth2/v1/keys");
        assertThat(keys.statusCode()).isEqualTo(200);
        try {
            return JWKSet.parse(keys.body());
        } catch (ParseException e) {
            throw new IllegalStateException(keys.body(), e);
        }
    }

    /** How many assertion ids the replay store holds, across all orgs. */
    static int spentAssertions(RunningNode node) {
        return Integer.parseInt(node.query("select count(*) from assertion_replays").get(0));
    }
}
