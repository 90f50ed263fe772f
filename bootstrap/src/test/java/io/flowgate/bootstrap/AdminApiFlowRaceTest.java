package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.FlowFixtures.DEFINITION;
import static io.flowgate.bootstrap.FlowFixtures.flowBody;
import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two admins changing one flow at the same moment, through a real node. Ten rounds each, as the
 * two requests need to overlap. Whichever comes second acts on what the first left: never a 500,
 * and never a flow that is a mix of both requests or has lost one of them.
 */
class AdminApiFlowRaceTest {

    private static final int ROUNDS = 10;

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private final FlowFixtures fixtures = new FlowFixtures(node);
    private final Http http = node.http();
    private OrgAdmin acme;
    private String appA;
    private String appB;
    private String appC;

    @BeforeEach
    void appsToList() {
        acme = node.createOrg("acme");
        appA = fixtures.createApp(acme, "A");
        appB = fixtures.createApp(acme, "B");
        appC = fixtures.createApp(acme, "C");
    }

    @Test
    void twoListsOfAllowedApps_sharingAnApp_bothSucceed_andTheEndpointIsOneOfThem() {
        String first = listed(appA, appB);
        String second = listed(appA, appC);
        for (int round = 0; round < ROUNDS; round++) {
            String flow = newFlow(round);
            assertThat(http.put(endpoint(flow), listed(appB), acme.auth()).statusCode()).isEqualTo(200);

            List<Integer> statuses = AdminApiSupport.concurrently(
                    () -> http.put(endpoint(flow), first, acme.auth()),
                    () -> http.put(endpoint(flow), second, acme.auth()));

            assertThat(statuses).as("round " + round).containsExactly(200, 200);
            assertEndpointIsOneOf(flow, round, first, second);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("switchesAwayFromAList")
    void aListOfAllowedApps_racingASwitchAwayFromIt_leavesOneOfThemWhole(String other) {
        String list = listed(appA, appB);
        for (int round = 0; round < ROUNDS; round++) {
            String flow = newFlow(round);
            assertThat(http.put(endpoint(flow), listed(appA), acme.auth()).statusCode()).isEqualTo(200);

            List<Integer> statuses = AdminApiSupport.concurrently(
                    () -> http.put(endpoint(flow), list, acme.auth()),
                    () -> http.put(endpoint(flow), other, acme.auth()));

            assertThat(statuses).as("round " + round).containsExactly(200, 200);
            assertEndpointIsOneOf(flow, round, list, other);
        }
    }

    static Stream<String> switchesAwayFromAList() {
        return Stream.of("{\"security\":\"OAUTH2\",\"allowedApps\":\"ANY\"}", "{\"security\":\"PUBLIC\"}",
                "{\"security\":\"CLIENT_TOKEN\"}");
    }

    /** Each change is to another part of the flow, so both must be there in the end. */
    @Test
    void endpointChange_racingADeactivation_keepsBoth() {
        String list = listed(appA, appB);
        for (int round = 0; round < ROUNDS; round++) {
            String flow = newFlow(round);

            List<Integer> statuses = AdminApiSupport.concurrently(
                    () -> http.put(endpoint(flow), list, acme.auth()),
                    () -> http.post(acme.api("/flows/" + flow + "/lifecycle/deactivate"), "", acme.auth()));

            assertThat(statuses).as("round " + round).containsExactly(200, 200);
            JsonNode stored = json(http.get(acme.api("/flows/" + flow), acme.auth()));
            assertThat(stored.get("status").asText()).as("round " + round).isEqualTo("INACTIVE");
            assertEndpointIsOneOf(flow, round, list);
        }
    }

    @Test
    void endpointChange_racingARevision_keepsBoth() {
        String list = listed(appA, appB);
        for (int round = 0; round < ROUNDS; round++) {
            String flow = newFlow(round);

            List<Integer> statuses = AdminApiSupport.concurrently(
                    () -> http.put(endpoint(flow), list, acme.auth()),
                    () -> http.put(acme.api("/flows/" + flow), flowBody("Revised", DEFINITION), acme.auth()));

            assertThat(statuses).as("round " + round).containsExactly(200, 200);
            JsonNode stored = json(http.get(acme.api("/flows/" + flow), acme.auth()));
            assertThat(stored.get("name").asText()).as("round " + round).isEqualTo("Revised");
            assertThat(stored.get("version").asInt()).as("round " + round).isEqualTo(2);
            assertEndpointIsOneOf(flow, round, list);
        }
    }

    /** Both revisions are kept, one after the other, each as a version of the flow's history. */
    @Test
    void twoRevisions_bothSucceed_asConsecutiveVersions() {
        for (int round = 0; round < ROUNDS; round++) {
            String flow = newFlow(round);

            List<Integer> statuses = AdminApiSupport.concurrently(
                    () -> http.put(acme.api("/flows/" + flow), flowBody("First", DEFINITION), acme.auth()),
                    () -> http.put(acme.api("/flows/" + flow), flowBody("Second", DEFINITION), acme.auth()));

            assertThat(statuses).as("round " + round).containsExactly(200, 200);
            JsonNode stored = json(http.get(acme.api("/flows/" + flow), acme.auth()));
            assertThat(stored.get("version").asInt()).as("round " + round).isEqualTo(3);
            List<String> history = node.query("select name from flow_versions where flow_id = '" + flow
                    + "' order by version");
            assertThat(history).as("round " + round).isIn(List.of("Race " + round, "First", "Second"),
                    List.of("Race " + round, "Second", "First"));
            assertThat(stored.get("name").asText()).as("round " + round).isEqualTo(history.get(2));
        }
    }

    @Test
    void activationRacingADeactivation_bothSucceed_andTheFlowIsInOneOfTheirStates() {
        for (int round = 0; round < ROUNDS; round++) {
            String flow = newFlow(round);

            List<Integer> statuses = AdminApiSupport.concurrently(
                    () -> http.post(acme.api("/flows/" + flow + "/lifecycle/deactivate"), "", acme.auth()),
                    () -> http.post(acme.api("/flows/" + flow + "/lifecycle/activate"), "", acme.auth()));

            assertThat(statuses).as("round " + round).containsExactly(200, 200);
            assertThat(json(http.get(acme.api("/flows/" + flow), acme.auth())).get("status").asText())
                    .as("round " + round).isIn("ACTIVE", "INACTIVE");
        }
    }

    @Test
    void anAliasMovedToTwoFlowsAtOnce_endsBoundToOneOfThem() {
        for (int round = 0; round < ROUNDS; round++) {
            String first = newFlow(round);
            String second = newFlow(round);
            String alias = "race-" + round;
            assertThat(http.post(acme.api("/flows/" + first + "/aliases"), "{\"alias\":\"" + alias + "\"}",
                    acme.auth()).statusCode()).isEqualTo(201);

            List<Integer> statuses = AdminApiSupport.concurrently(
                    () -> http.put(acme.api("/aliases/" + alias), "{\"flowId\":\"" + second + "\"}", acme.auth()),
                    () -> http.put(acme.api("/aliases/" + alias), "{\"flowId\":\"" + first + "\"}", acme.auth()));

            assertThat(statuses).as("round " + round).containsExactly(200, 200);
            assertThat(node.query("select flow_id from flow_aliases where alias = '" + alias + "'"))
                    .as("round " + round).hasSize(1).first().isIn(first, second);
        }
    }

    private String newFlow(int round) {
        return fixtures.createFlow(acme, "Race " + round).get("id").asText();
    }

    private String endpoint(String flow) {
        return acme.api("/flows/" + flow + "/endpoint");
    }

    private static String listed(String... apps) {
        return "{\"security\":\"OAUTH2\",\"allowedApps\":[\"" + String.join("\",\"", apps) + "\"]}";
    }

    /**
     * The endpoint, as the API shows it and as its rows hold it, is exactly what one request asked
     * for: the same security, and exactly its apps when it lists some.
     */
    private void assertEndpointIsOneOf(String flow, int round, String... requests) {
        JsonNode shown = json(http.get(endpoint(flow), acme.auth()));
        List<String> rows = node.query("select app_id from flow_allowed_apps where flow_id = '" + flow + "'");
        List<JsonNode> asked = Stream.of(requests).map(AdminApiFlowRaceTest::parse).toList();
        assertThat(asked).as("round " + round + ": " + shown + " with rows " + rows).anySatisfy(request -> {
            assertThat(shown.get("security")).isEqualTo(request.get("security"));
            JsonNode apps = request.get("allowedApps");
            if (apps != null && apps.isArray()) {
                List<String> listed = new ArrayList<>();
                apps.forEach(app -> listed.add(app.asText()));
                assertThat(shown.get("allowedApps")).extracting(JsonNode::asText)
                        .containsExactlyInAnyOrderElementsOf(listed);
                assertThat(rows).containsExactlyInAnyOrderElementsOf(listed);
            } else {
                assertThat(shown.get("allowedApps")).isEqualTo(apps);
                assertThat(rows).isEmpty();
            }
        });
    }

    private static JsonNode parse(String body) {
        try {
            return Http.JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
