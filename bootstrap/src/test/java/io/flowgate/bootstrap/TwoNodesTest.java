package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.InvokeSeed.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
        RunningNode.OrgAdmin acme = freshOrg("acme");
        InvokeSeed.Client client = seed.client(acme);
        assertThat(tokenFromTheOtherNode(acme, client).statusCode()).isEqualTo(200);

        HttpResponse<String> deactivated = node.http().post(
                acme.api("/apps/" + client.id() + "/lifecycle/deactivate"), "", acme.auth());
        assertThat(deactivated.statusCode()).as(deactivated.body()).isEqualTo(200);

        assertThat(eventually(() -> tokenFromTheOtherNode(acme, client).statusCode(), 401)).isTrue();
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

    /** The tables were emptied behind the other node's back too. */
    private static RunningNode.OrgAdmin freshOrg(String slug) {
        other.readCache().dropAll();
        return node.createOrg(slug);
    }

    private static HttpResponse<String> tokenFromTheOtherNode(RunningNode.OrgAdmin org, InvokeSeed.Client client) {
        return otherHttp.postForm("/orgs/" + org.slug() + "/oauth2/v1/token",
                "grant_type=client_credentials&scope=" + InvokeSeed.INVOKE_SCOPE
                        + "&client_assertion_type=" + URLEncoder.encode(InvokeSeed.ASSERTION_TYPE, StandardCharsets.UTF_8)
                        + "&client_assertion=" + InvokeSeed.assertion(client, org.issuer() + "/oauth2/v1/token"));
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
