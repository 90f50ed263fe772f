package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.BearerTokenError;
import io.flowgate.bootstrap.examples.FlowgateClient;
import io.flowgate.bootstrap.examples.SignAssertion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invoking with clients that are not ours: the Nimbus OAuth 2.0 SDK gets the token and reads the
 * server's challenges. The two example programs of docs/invoking-flows.md run here, as quoted there.
 */
class InvokeClientLibraryTest {

    private static final int PORT = freePort();
    private static final String PUBLIC_URL = "http://localhost:" + PORT;
    private static final Path DOCUMENT = Path.of("..", "docs", "invoking-flows.md");
    private static final Path EXAMPLES = Path.of("src", "test", "java", "io", "flowgate", "bootstrap", "examples");

    // the client takes every URL from the issuer, so the node's public URL is its real address here
    @RegisterExtension
    static final RunningNode node = new RunningNode(Map.of(
            "FLOWGATE_PORT", String.valueOf(PORT),
            "FLOWGATE_PUBLIC_URL", PUBLIC_URL));
    private final InvokeSeed seed = new InvokeSeed(node.http());

    private static final String GREETING_FLOW = """
            {"steps":[
              {"id":"greet","card":"text.concat","in":{"values":["Hello, ","{{request.body.name}}"]}},
              {"id":"done","card":"flow.return","in":{"body":{"greeting":"{{greet}}","caller":"{{caller.clientId}}"}}}
            ]}""";

    @TempDir
    Path temporary;

    @Test
    void seedProcedure_withTheNimbusSdk_returnsTheFlowsOutput_andListsTheExecutionWithItsCaller() throws Exception {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        InvokeSeed.Client app = seed.client(acme);
        InvokeSeed.Flow flow = seed.flow(acme, GREETING_FLOW);
        seed.addAlias(acme, flow, "greet");
        FlowgateClient client = new FlowgateClient(URI.create(acme.issuer()), app.id(), app.privateKey());

        HTTPResponse first = client.invoke("greet", "{\"name\":\"Ada\"}");
        HTTPResponse second = client.invoke("greet", "{\"name\":\"Grace\"}");

        assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(200);
        assertThat(json(first.getBody()))
                .isEqualTo(json("{\"greeting\":\"Hello, Ada\",\"caller\":\"" + app.id() + "\"}"));
        assertThat(json(second.getBody()).get("greeting").asText()).isEqualTo("Hello, Grace");
        assertThat(node.query("select count(*) from system_log where event_type = 'token.issued'"))
                .as("the client reuses its token").containsExactly("1");
        JsonNode executions = json(node.http().get(acme.api("/flows/" + flow.id() + "/executions"), acme.auth()));
        assertThat(executions).hasSize(2);
        for (JsonNode execution : executions) {
            assertThat(execution.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(execution.get("caller")).isEqualTo(json("{\"clientId\":\"" + app.id()
                    + "\",\"scopes\":[\"okta.workflows.invoke.manage\"],\"security\":\"OAUTH2\"}"));
        }
        assertThat(List.of(executions.get(0).get("id").asText(), executions.get(1).get("id").asText()))
                .containsExactlyInAnyOrder(
                first.getHeaderValue("x-flowgate-execution-id"), second.getHeaderValue("x-flowgate-execution-id"));
    }

    @Test
    void theSdkReadsTheChallenges_ofAnInvalidTokenAndOfAMissingScope() throws Exception {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        InvokeSeed.Client app = seed.clientWithoutGrant(acme);
        node.update("insert into scopes (name, description) values ('flowgate.tests.other', 'Another scope')"
                + " on conflict do nothing");
        seed.grant(acme, app, "flowgate.tests.other");
        InvokeSeed.Flow flow = seed.flow(acme, GREETING_FLOW);
        URI invokeUrl = URI.create(PUBLIC_URL + flow.invokePath());

        BearerTokenError invalid = challenge(invokeUrl, new BearerAccessToken("not-a-token"));
        BearerTokenError missingScope = challenge(invokeUrl,
                new BearerAccessToken(seed.token(acme, app, "flowgate.tests.other")));

        assertThat(invalid.getCode()).isEqualTo(BearerTokenError.INVALID_TOKEN.getCode());
        assertThat(invalid.getRealm()).isEqualTo("flowgate");
        assertThat(missingScope.getCode()).isEqualTo(BearerTokenError.INSUFFICIENT_SCOPE.getCode());
        assertThat(missingScope.getScope()).isEqualTo(new Scope("okta.workflows.invoke.manage"));
    }

    @Test
    void signAssertionProgram_makesAnAssertionTheTokenEndpointAccepts() throws Exception {
        RunningNode.OrgAdmin acme = node.createOrg("acme");
        InvokeSeed.Client app = seed.client(acme);
        Path privateJwk = Files.writeString(temporary.resolve("private.jwk"), app.privateKey().toJSONString());

        String assertion = run(() -> SignAssertion.main(new String[] {
            privateJwk.toString(), app.id(), acme.issuer() + "/oauth2/v1/token"})).strip();
        HttpResponse<String> token = node.http().postForm("/orgs/acme/oauth2/v1/token",
                "grant_type=client_credentials&scope=okta.workflows.invoke.manage&client_assertion_type="
                        + URLEncoder.encode(InvokeSeed.ASSERTION_TYPE, StandardCharsets.UTF_8)
                        + "&client_assertion=" + assertion);

        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        assertThat(json(token).get("scope").asText()).isEqualTo("okta.workflows.invoke.manage");
    }

    @Test
    void theDocumentQuotesBothExamplePrograms_asTheyAreHere() throws IOException {
        String document = Files.readString(DOCUMENT);

        for (String program : new String[] {"FlowgateClient.java", "SignAssertion.java"}) {
            String source = Files.readString(EXAMPLES.resolve(program));
            // the document quotes each program from its imports on: a reader's program has a package of its own
            String quoted = source.substring(source.indexOf("import "));
            assertThat(document).as(program).contains(quoted);
        }
    }

    private static BearerTokenError challenge(URI invokeUrl, BearerAccessToken token) throws Exception {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, invokeUrl);
        request.setAuthorization(token.toAuthorizationHeader());
        HTTPResponse response = request.send();
        return BearerTokenError.parse(response.getHeaderValue("WWW-Authenticate"))
                .setHTTPStatusCode(response.getStatusCode());
    }


    private interface Program {
        void run() throws Exception;
    }

    /** What the program prints on standard output. */
    private static String run(Program program) throws Exception {
        PrintStream standardOutput = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(standardOutput);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
