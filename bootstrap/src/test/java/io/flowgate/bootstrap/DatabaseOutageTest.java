package io.flowgate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node whose database has gone away says so within seconds, and stays live. */
class DatabaseOutageTest {

    /** More than the node's HTTP worker threads: probes that waited long would hold all of them. */
    private static final int CONCURRENT_PROBES = 12;
    /** Well under the 30 s that requests and probes waited for a connection before. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
    /** Under the 5 s for which a request waits for a connection. */
    private static final Duration LIVENESS_WITHIN = Duration.ofSeconds(2);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path directory;

    @Test
    void databaseStopped_readinessProbesAnswer503Promptly_andLivenessStillAnswers() {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory.resolve("pg")); // closing twice is fine
             Flowgate node = start(database)) {
            Http http = new Http(node.port());
            assertThat(get(http, "/health/ready").join().statusCode()).isEqualTo(200);

            database.close();
            List<CompletableFuture<HttpResponse<String>>> probes = IntStream.range(0, CONCURRENT_PROBES)
                    .mapToObj(i -> get(http, "/health/ready"))
                    .toList();
            HttpResponse<String> live = get(http, "/health/live").join();

            assertThat(live.statusCode()).isEqualTo(200);
            for (CompletableFuture<HttpResponse<String>> probe : probes) {
                HttpResponse<String> ready = probe.join();
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(Http.json(ready).get("status").asText()).isEqualTo("DOWN");
                assertThat(Http.json(ready).get("reason").asText()).isEqualTo("database not reachable");
            }
        }
    }

    @Test
    void databaseStopped_requestsThatNeedIt_areAnswered503WithRetryAfter() {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory.resolve("pg"));
             Flowgate node = start(database)) {
            Http http = new Http(node.port());
            assertThat(get(http, "/api/v1/orgs", RunningNode.operator()).join().statusCode()).isEqualTo(200);

            database.close();
            CompletableFuture<HttpResponse<String>> admin = get(http, "/api/v1/orgs", RunningNode.operator());
            CompletableFuture<HttpResponse<String>> token = client.sendAsync(HttpRequest.newBuilder(
                            http.uri("/orgs/acme/oauth2/v1/token"))
                    .timeout(ANSWER_WITHIN)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> invoke = get(http, "/orgs/acme/api/flo/create-user/invoke");

            assertThat(admin.join().statusCode()).isEqualTo(503);
            assertThat(admin.join().headers().firstValue("Retry-After")).hasValue("5");
            assertThat(admin.join().headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(token.join().statusCode()).isEqualTo(503);
            assertThat(Http.json(token.join()).get("error").asText()).isEqualTo("temporarily_unavailable");
            assertThat(token.join().headers().firstValue("Retry-After")).hasValue("5");
            assertThat(invoke.join().statusCode()).isEqualTo(503);
        }
    }

    @Test
    void databaseStopped_requestsAfterTheFirstToFindItGone_failAtOnce_soLivenessIsStillAnswered() {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory.resolve("pg"));
             Flowgate node = start(database)) {
            Http http = new Http(node.port());
            database.close();
            assertThat(get(http, "/api/v1/orgs", RunningNode.operator()).join().statusCode()).isEqualTo(503);

            // Had each of these waited for a connection, they would hold every HTTP worker for that long.
            List<CompletableFuture<HttpResponse<String>>> admin = IntStream.range(0, CONCURRENT_PROBES)
                    .mapToObj(i -> get(http, "/api/v1/orgs", RunningNode.operator()))
                    .toList();
            HttpResponse<String> live = client.sendAsync(HttpRequest.newBuilder(http.uri("/health/live"))
                    .timeout(LIVENESS_WITHIN).build(), HttpResponse.BodyHandlers.ofString()).join();

            assertThat(live.statusCode()).isEqualTo(200);
            for (CompletableFuture<HttpResponse<String>> request : admin) {
                assertThat(request.join().statusCode()).isEqualTo(503);
                assertThat(request.join().headers().firstValue("Retry-After")).hasValue("5");
            }
        }
    }

    @Test
    void writersConnectionBroken_whileATokenAndAnInvocationWaitForTheirCommit_bothAreAnswered503WithRetryAfter()
            throws SQLException, InterruptedException {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory.resolve("pg"));
             Flowgate node = start(database)) {
            Http http = new Http(node.port());
            RunningNode.OrgAdmin org = RunningNode.createOrg(http, "acme");
            InvokeSeed seed = new InvokeSeed(http);
            InvokeSeed.Client app = seed.client(org);
            InvokeSeed.Flow flow = seed.flow(org, FlowFixtures.DEFINITION);
            String token = seed.token(org, app);
            assertThat(invoke(http, flow, token).join().statusCode()).isEqualTo(200); // what they read is cached now

            CompletableFuture<HttpResponse<String>> nextToken;
            CompletableFuture<HttpResponse<String>> invocation;
            try (Connection blocker = DriverManager.getConnection(database.jdbcUrl());
                 Connection observer = DriverManager.getConnection(database.jdbcUrl())) {
                // Their reads are served, their commits wait for this lock, and the writer's connection is cut
                // while they wait. (Stopping the database instead would release the lock too, and a commit could
                // slip through before its own connection is cut.)
                blocker.setAutoCommit(false);
                blocker.createStatement().execute("lock table assertion_replays, executions in exclusive mode");
                nextToken = client.sendAsync(HttpRequest.newBuilder(http.uri("/orgs/acme/oauth2/v1/token"))
                        .timeout(ANSWER_WITHIN)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(TokenForm.of(
                                InvokeSeed.assertion(app, org.issuer() + "/oauth2/v1/token")).encode()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                invocation = invoke(http, flow, token);
                // The writer takes the two in one batch or in two: each batch's connection is cut in turn.
                while (!nextToken.isDone() || !invocation.isDone()) {
                    cutConnectionsWaitingForALock(observer);
                }
            }

            assertThat(nextToken.join().statusCode()).as(nextToken.join().body()).isEqualTo(503);
            assertThat(Http.json(nextToken.join()).get("error").asText()).isEqualTo("temporarily_unavailable");
            assertThat(nextToken.join().headers().firstValue("Retry-After")).hasValue("5");
            assertThat(invocation.join().statusCode()).as(invocation.join().body()).isEqualTo(503);
            assertThat(invocation.join().headers().firstValue("Retry-After")).hasValue("5");
            // its execution was not recorded, so no id is given for it
            assertThat(invocation.join().headers().firstValue("x-flowgate-execution-id")).isEmpty();
        }
    }

    private static void cutConnectionsWaitingForALock(Connection observer) throws SQLException, InterruptedException {
        try (ResultSet cut = observer.createStatement().executeQuery(
                "select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where application_name = 'flowgate-background' and wait_event_type = 'Lock'")) {
            if (!cut.next()) {
                Thread.sleep(20);
            }
        }
    }

    private CompletableFuture<HttpResponse<String>> invoke(Http node, InvokeSeed.Flow flow, String token) {
        return client.sendAsync(HttpRequest.newBuilder(node.uri(flow.invokePath()))
                .timeout(ANSWER_WITHIN)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ada\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Flowgate start(EmbeddedDatabase database) {
        return Flowgate.start(Config.fromEnvironment(Map.of(
                "FLOWGATE_PORT", "0",
                "FLOWGATE_OPERATOR_TOKEN", RunningNode.OPERATOR_TOKEN,
                "FLOWGATE_DB_URL", database.jdbcUrl())), directory);
    }

    /** Fails with a timeout when the node has not answered within {@link #ANSWER_WITHIN}. */
    private CompletableFuture<HttpResponse<String>> get(Http node, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(ANSWER_WITHIN).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
