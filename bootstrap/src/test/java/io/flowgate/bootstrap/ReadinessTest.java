package io.flowgate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A running node is ready only while its database holds this build's schema, whatever happened to it since the start. */
class ReadinessTest {

    @RegisterExtension
    static final RunningNode NODE = new RunningNode();

    @Test
    void schemaHistoryDropped_readyAnswers503Down_andUpAgainOnceItIsRestored() {
        assertUp();

        NODE.update("create table history_backup as table flyway_schema_history;"
                + " drop table flyway_schema_history");
        try {
            assertDownBecauseNotMigrated();
        } finally {
            NODE.update("alter table history_backup rename to flyway_schema_history");
        }

        assertUp();
    }

    @Test
    void databaseRestoredFromABackupOlderThanThisBuild_readyAnswers503Down_andUpAgainOnceMigrated() {
        assertUp();

        // What a backup taken before this build's latest migration holds: every migration but that one.
        NODE.update("create table history_backup as table flyway_schema_history;"
                + " delete from flyway_schema_history"
                + " where installed_rank = (select max(installed_rank) from flyway_schema_history)");
        try {
            assertDownBecauseNotMigrated();
        } finally {
            NODE.update("delete from flyway_schema_history;"
                    + " insert into flyway_schema_history select * from history_backup;"
                    + " drop table history_backup");
        }

        assertUp();
    }

    private static void assertUp() {
        HttpResponse<String> ready = NODE.http().get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(Http.json(ready).get("status").asText()).isEqualTo("UP");
    }

    private static void assertDownBecauseNotMigrated() {
        HttpResponse<String> ready = NODE.http().get("/health/ready");

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
        JsonNode body = Http.json(ready);
        assertThat(body.get("status").asText()).isEqualTo("DOWN");
        assertThat(body.get("reason").asText()).isEqualTo("database not migrated to this build's schema");
        assertThat(NODE.http().get("/health/live").statusCode()).isEqualTo(200);
    }
}
