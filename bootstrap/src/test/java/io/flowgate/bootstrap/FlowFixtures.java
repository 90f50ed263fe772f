package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Flows, apps and execution rows made the way an admin would, for the flow admin API tests. */
final class FlowFixtures {

    /** A valid definition in the flow language: one step that greets the caller. */
    static final String DEFINITION =
            "{\"steps\":[{\"id\":\"greet\",\"card\":\"text.concat\",\"in\":{\"values\":[\"Hello, \",\"{{request.body.name}}\"]}}]}";

    /** Well formed, but no node ever generates it. */
    static final String MADE_UP_ID = "00000000000000000000";

    private final RunningNode node;

    FlowFixtures(RunningNode node) {
        this.node = node;
    }

    JsonNode createFlow(OrgAdmin org, String name) {
        HttpResponse<String> response = node.http().post(org.api("/flows"), flowBody(name, DEFINITION), org.auth());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    String createApp(OrgAdmin org, String label) {
        HttpResponse<String> response = node.http().post(org.api("/apps"), "{\"label\":\"" + label + "\"}", org.auth());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").asText();
    }

    static String flowBody(String name, String definition) {
        return "{\"name\":\"" + name + "\",\"definition\":" + definition + "}";
    }

    /** Asserts an RFC 9457 problem with this status and returns its body. */
    static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem;
    }

    /** The JSON pointer of a 400 problem's first field error. */
    static String pointer(HttpResponse<String> response) {
        return problem(response, 400).get("errors").get(0).get("pointer").asText();
    }

    /**
     * One row of the executions table, in the format the persistence adapter writes, so that a test
     * of the executions API can set up any status and time exactly, without running a flow.
     */
    record ExecutionRow(String id, String orgId, String flowId, int flowVersion, String status, String callerClientId,
                        String callerScopes, String callerSecurity, String started, String finished, String error,
                        String steps) {

        static ExecutionRow succeeded(String id, String orgId, String flowId) {
            return new ExecutionRow(id, orgId, flowId, 1, "SUCCEEDED", null, "", "PUBLIC",
                    "2026-03-01T10:00:00.000100Z", "2026-03-01T10:00:00.002600Z", null, "[]");
        }
    }

    void insert(ExecutionRow row) {
        try (Connection connection = node.database().dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into executions (id, org_id, flow_id, flow_version, status, caller_client_id, caller_scopes,
                                             caller_security, started, finished, error, steps)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?, ?::json)""")) {
            insert.setString(1, row.id());
            insert.setString(2, row.orgId());
            insert.setString(3, row.flowId());
            insert.setInt(4, row.flowVersion());
            insert.setString(5, row.status());
            insert.setString(6, row.callerClientId());
            insert.setString(7, row.callerScopes());
            insert.setString(8, row.callerSecurity());
            insert.setString(9, row.started());
            insert.setString(10, row.finished());
            insert.setString(11, row.error());
            insert.setString(12, row.steps());
            insert.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not insert execution " + row.id(), e);
        }
    }
}
