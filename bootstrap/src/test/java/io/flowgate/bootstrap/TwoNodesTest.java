package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.InvokeSeed.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two nodes on one database, as behind a load balancer: what an admin changes through one node
 * takes effect on the other within a second, although the other has the app, its token and the
 * flow in its cache.
 */
class TwoNodesTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);
    private static final String FLOW = """
            {"steps":[{"id":"done","card":"flow.return","in":{"body":{"ok":true}}}]}""";

    private static Flowgate other;
    private static Http otherHttp;

    private final InvokeSeed seed = new InvokeSeed(node.http());

    @BeforeAll
    static void startTheOtherNode() {
        other = node.anotherNode();
        otherHttp = new Http(other.port());
    }

    @AfterAll
    static void stopTheOtherNode() {
        other.close();
    }

    @Test
    void appDeactivatedOnOneNode_getsNoTokenFromTheOther_withinASecond() {
        ApiClient client = ApiClient.register(node, freshOrg("acme"), "RS256");
        assertThat(tokenFromTheOtherNode(client, client.assertion()).statusCode()).isEqualTo(200);

        client.deactivate();

        assertThat(eventually(() -> tokenFromTheOtherNode(client, client.assertion()).statusCode(), 401)).isTrue();
    }

    @Test
    void keyDeactivatedOnOneNode_signsNoAssertionForTheOther_withinASecond() {
        ApiClient client = ApiClient.register(node, freshOrg("acme"), "RS256");
        ApiClient.Key second = client.addKey("ES256");
        assertThat(tokenFromTheOtherNode(client, client.assertion()).statusCode()).isEqualTo(200);

        client.deactivate(client.key());

        assertThat(eventually(() -> tokenFromTheOtherNode(client, client.assertion()).statusCode(), 401)).isTrue();
        assertThat(tokenFromTheOtherNode(client, client.assertion().signedWith(second)).statusCode()).isEqualTo(200);
    }

    @Test
    void grantRemovedOnOneNode_getsNoTokenForItsScopeFromTheOther_withinASecond() {
        RunningNode.OrgAdmin acme = freshOrg("acme");
        ApiClient client = ApiClient.register(node, acme, "RS256");
        assertThat(tokenFromTheOtherNode(client, client.assertion()).statusCode()).isEqualTo(200);

        HttpResponse<String> grants = node.http().get(acme.api("/apps/" + client.clientId() + "/grants"), acme.auth());
        String grantId = Http.json(grants).get(0).get("id").asText();
        HttpResponse<String> removed = node.http().delete(
                acme.api("/apps/" + client.clientId() + "/grants/" + grantId), acme.auth());
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);

        assertThat(eventually(() -> tokenFromTheOtherNode(client, client.assertion()).statusCode(), 400)).isTrue();
    }

    @Test
    void tokenRevokedOnOneNode_isRefusedByTheOther_withinASecond() {
        RunningNode.OrgAdmin acme = freshOrg("acme");
        InvokeSeed.Client client = seed.client(acme);
        InvokeSeed.Flow flow = seed.flow(acme, FLOW);
        String token = seed.token(acme, client);
        assertThat(otherHttp.get(flow.invokePath(), bearer(token)).statusCode()).isEqualTo(200);

        seed.revoke(acme, client, token);

        assertThat(eventually(() -> otherHttp.get(flow.invokePath(), bearer(token)).statusCode(), 401)).isTrue();
    }

    @Test
    void flowDeactivatedOnOneNode_isA409OnTheOther_withinASecond() {
        RunningNode.OrgAdmin acme = freshOrg("acme");
        InvokeSeed.Client client = seed.client(acme);
        InvokeSeed.Flow flow = seed.flow(acme, FLOW);
        String token = seed.token(acme, client);
        assertThat(otherHttp.get(flow.invokePath(), bearer(token)).statusCode()).isEqualTo(200);

        HttpResponse<String> deactivated = node.http().post(acme.api("/flows/" + flow.id() + "/lifecycle/deactivate"),
                "", acme.auth());
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);

        assertThat(eventually(() -> otherHttp.get(flow.invokePath(), bearer(token)).statusCode(), 409)).isTrue();
    }

    @Test
    void appDeactivatedOnOneNode_cannotInvokeOnTheOther_withinASecond() {
        RunningNode.OrgAdmin acme = freshOrg("acme");
        InvokeSeed.Client client = seed.client(acme);
        InvokeSeed.Flow flow = seed.flow(acme, FLOW);
        String token = seed.token(acme, client);
        assertThat(otherHttp.get(flow.invokePath(), bearer(token)).statusCode()).isEqualTo(200);

        HttpResponse<String> deactivated = node.http().post(acme.api("/apps/" + client.id() + "/lifecycle/deactivate"),
                "", acme.auth());
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);

        assertThat(eventually(() -> otherHttp.get(flow.invokePath(), bearer(token)).statusCode(), 401)).isTrue();
    }

    @Test
    void appDroppedFromTheAllowedListOnOneNode_isA403OnTheOther_withinASecond() {
        RunningNode.OrgAdmin acme = freshOrg("acme");
        InvokeSeed.Client client = seed.client(acme);
        InvokeSeed.Client another = seed.client(acme);
        InvokeSeed.Flow flow = seed.flow(acme, FLOW);
        String token = seed.token(acme, client);
        seed.endpoint(acme, flow, "{\"security\":\"OAUTH2\",\"allowedApps\":[\"" + client.id() + "\"]}");
        assertThat(eventually(() -> otherHttp.get(flow.invokePath(), bearer(token)).statusCode(), 200)).isTrue();

        seed.endpoint(acme, flow, "{\"security\":\"OAUTH2\",\"allowedApps\":[\"" + another.id() + "\"]}");

        assertThat(eventually(() -> otherHttp.get(flow.invokePath(), bearer(token)).statusCode(), 403)).isTrue();
    }

    @Test
    void clientTokenRegeneratedOnOneNode_oldTokenIsRefusedByTheOther_withinASecond() {
        RunningNode.OrgAdmin acme = freshOrg("acme");
        InvokeSeed.Flow flow = seed.flow(acme, FLOW);
        String old = seed.endpoint(acme, flow, "{\"security\":\"CLIENT_TOKEN\"}").get("clientToken").asText();
        assertThat(eventually(() -> otherHttp.get(flow.invokePath(), "x-api-client-token", old).statusCode(), 200))
                .isTrue();

        HttpResponse<String> regenerated = node.http().post(acme.api("/flows/" + flow.id() + "/endpoint/client-token"),
                "", acme.auth());
        assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(200);

        assertThat(eventually(() -> otherHttp.get(flow.invokePath(), "x-api-client-token", old).statusCode(), 401))
                .isTrue();
    }

    /** The tables were emptied behind the other node's back too. */
    private static RunningNode.OrgAdmin freshOrg(String slug) {
        other.readCache().dropAll();
        return node.createOrg(slug);
    }

    /** A token request with a fresh assertion (a new jti each time), sent to the other node. */
    private static HttpResponse<String> tokenFromTheOtherNode(ApiClient client, Assertion assertion) {
        return otherHttp.postForm(client.tokenPath(), TokenForm.of(assertion.sign()).encode());
    }

    private static boolean eventually(Supplier<Integer> status, int expected) {
        long deadline = System.nanoTime() + WITHIN_A_SECOND.toNanos();
        while (System.nanoTime() < deadline) {
            if (status.get() == expected) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
