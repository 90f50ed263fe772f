package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no FLOWGATE_DB_URL the node runs its own PostgreSQL, and what it stored survives a restart. */
class EmbeddedRestartTest {

    private static final String TOKEN = "operator-token-for-tests-0123456789";
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "FLOWGATE_PORT", "0",
            "FLOWGATE_OPERATOR_TOKEN", TOKEN);

    @TempDir
    Path dataDirectory;

    @Test
    void orgCreatedOnTheEmbeddedDatabase_isStillThereAfterARestart() {
        String id;
        try (Flowgate first = Flowgate.start(Config.fromEnvironment(ENVIRONMENT), dataDirectory)) {
            Http http = new Http(first.port());
            assertThat(http.get("/health/ready").statusCode()).isEqualTo(200);
            HttpResponse<String> created = http.post("/api/v1/orgs", "{\"slug\":\"acme\",\"name\":\"Acme\"}",
                    "Authorization", "SSWS " + TOKEN);
            assertThat(created.statusCode()).isEqualTo(201);
            id = json(created).get("id").asText();
        }

        try (Flowgate second = Flowgate.start(Config.fromEnvironment(ENVIRONMENT), dataDirectory)) {
            HttpResponse<String> read = new Http(second.port()).get("/api/v1/orgs/" + id, "Authorization", "SSWS " + TOKEN);

            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(json(read).get("slug").asText()).isEqualTo("acme");
        }
    }
}
