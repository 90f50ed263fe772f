package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowgate.adapter.out.persistence.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An execution is durable before its answer leaves: killing the node right after the answer loses nothing. */
class ExecutionDurabilityTest {

    @TempDir
    Path workDirectory;

    @Test
    void executionAnsweredWith200_isInTheDatabase_evenWhenTheNodeIsKilledTheMomentTheAnswerArrives() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            Process process = NodeProcess.launch(workDirectory, RunningNode.environmentOn(database));
            String executionId;
            try {
                Http http = new Http(port(process));
                InvokeSeed.Flow flow = publicFlow(http);

                HttpResponse<String> response = http.get(flow.invokePath());
                process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, nothing after the answer

                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(json(response).get("hashed").asInt()).isEqualTo(1000);
                executionId = response.headers().firstValue("x-flowgate-execution-id").orElseThrow();
            } finally {
                process.destroyForcibly();
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }

            try (Connection connection = database.dataSource().getConnection();
                 PreparedStatement statement = connection.prepareStatement(
                         "select status, json_array_length(steps) from executions where id = ?")) {
                statement.setString(1, executionId);
                try (ResultSet row = statement.executeQuery()) {
                    assertThat(row.next()).as("execution %s was recorded", executionId).isTrue();
                    assertThat(row.getString(1)).isEqualTo("SUCCEEDED");
                    // the trace keeps the first 1,000 steps of the 1,006 that ran
                    assertThat(row.getInt(2)).isEqualTo(1000);
                }
                connection.rollback();
            }
        }
    }

    private static int port(Process process) throws Exception {
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String line = stdout.readLine();
        Matcher port = NodeProcess.LISTENING.matcher(String.valueOf(line));
        assertThat(port.find()).as(line).isTrue();
        return Integer.parseInt(port.group(1));
    }

    /**
     * A public flow with a long step trace (about 4 MB to write), so that an execution written
     * after the answer instead of before it would still be in flight when the node dies.
     */
    private static InvokeSeed.Flow publicFlow(Http http) {
        HttpResponse<String> org = http.post("/api/v1/orgs", "{\"slug\":\"acme\",\"name\":\"Acme\"}",
                "Authorization", "SSWS " + RunningNode.OPERATOR_TOKEN);
        assertThat(org.statusCode()).as(org.body()).isEqualTo(201);
        RunningNode.OrgAdmin acme = new RunningNode.OrgAdmin(json(org).get("id").asText(), "acme",
                json(org).get("issuer").asText(), json(org).get("adminToken").asText());
        InvokeSeed seed = new InvokeSeed(http);
        InvokeSeed.Flow flow = seed.flow(acme, "{\"steps\":[" + InvokeSeed.busySteps("work", 1000) + ","
                + "{\"id\":\"count\",\"card\":\"list.length\",\"in\":{\"list\":\"{{work}}\"}},"
                + "{\"id\":\"done\",\"card\":\"flow.return\",\"in\":{\"body\":{\"hashed\":\"{{count}}\"}}}]}");
        seed.endpoint(acme, flow, "{\"security\":\"PUBLIC\"}");
        return flow;
    }
}
