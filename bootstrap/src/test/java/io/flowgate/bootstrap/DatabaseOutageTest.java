package io.flowgate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node whose database has gone away says so within seconds, and stays live. */
class DatabaseOutageTest {

    private static final String OPERATOR_TOKEN = "operator-token-for-tests-0123456789";
    /** More than the node's HTTP worker threads: probes that waited long would hold all of them. */
    private static final int CONCURRENT_PROBES = 12;
    /** Well under the 30 s that requests and probes waited for a connection before. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

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
            }
        }
    }

    @Test
    void databaseStopped_requestsThatNeedIt_areAnswered503WithRetryAfter() {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory.resolve("pg"));
             Flowgate node = start(database)) {
            Http http = new Http(node.port());
            assertThat(get(http, "/api/v1/orgs", "Authorization", "SSWS " + OPERATOR_TOKEN).join().statusCode())
                    .isEqualTo(200);

            database.close();
            CompletableFuture<HttpResponse<String>> admin = get(http, "/api/v1/orgs",
                    "Authorization", "SSWS " + OPERATOR_TOKEN);
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

    private Flowgate start(EmbeddedDatabase database) {
        return Flowgate.start(Config.fromEnvironment(Map.of(
                "FLOWGATE_PORT", "0",
                "FLOWGATE_OPERATOR_TOKEN", OPERATOR_TOKEN,
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
