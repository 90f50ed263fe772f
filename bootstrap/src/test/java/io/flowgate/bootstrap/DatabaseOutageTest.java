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

/** A node whose database has gone away says so at once, and stays live. */
class DatabaseOutageTest {

    /** More than the node's HTTP worker threads: probes that waited long would hold all of them. */
    private static final int CONCURRENT_PROBES = 12;
    /** Well under the 30 s a probe waited for the request pool before probes had a pool of their own. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path directory;

    @Test
    void databaseStopped_readinessProbesAnswer503Promptly_andLivenessStillAnswers() throws Exception {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(directory.resolve("pg")); // closing twice is fine
             Flowgate node = Flowgate.start(Config.fromEnvironment(Map.of(
                     "FLOWGATE_PORT", "0",
                     "FLOWGATE_OPERATOR_TOKEN", "operator-token-for-tests-0123456789",
                     "FLOWGATE_DB_URL", database.jdbcUrl())), directory)) {
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

    /** Fails with a timeout when the node has not answered within {@link #ANSWER_WITHIN}. */
    private CompletableFuture<HttpResponse<String>> get(Http node, String path) {
        HttpRequest request = HttpRequest.newBuilder(node.uri(path)).timeout(ANSWER_WITHIN).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
