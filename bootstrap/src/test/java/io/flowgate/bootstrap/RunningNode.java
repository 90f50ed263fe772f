package io.flowgate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.adapter.out.persistence.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Flowgate node for a test class: its own migrated database, the real server on a free
 * port, real HTTP. Tables are emptied before each test. Register it as a static field.
 */
final class RunningNode implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    static final String OPERATOR_TOKEN = "operator-token-for-tests-0123456789";
    static final String PUBLIC_URL = "https://flowgate.example.com";
    static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    /** An org as its admin sees it after creation. */
    record OrgAdmin(String id, String slug, String issuer, String adminToken) {

        String[] auth() {
            return new String[] {"Authorization", "SSWS " + adminToken};
        }

        /** The path of an admin route of this org, e.g. {@code api("/apps")}. */
        String api(String path) {
            return "/orgs/" + slug + "/api/v1" + path;
        }
    }

    private final Map<String, String> settings;
    private TestDatabase database;
    private Flowgate flowgate;
    private Http http;

    RunningNode() {
        this(Map.of());
    }

    /** A node with some settings of its own, e.g. {@code Map.of("FLOWGATE_MAX_BODY", "1KiB")}. */
    RunningNode(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestDatabase.create();
        Map<String, String> environment = new HashMap<>(Map.of(
                "FLOWGATE_PORT", "0",
                "FLOWGATE_PUBLIC_URL", PUBLIC_URL,
                "FLOWGATE_DB_URL", database.url(),
                "FLOWGATE_DB_USER", database.user(),
                "FLOWGATE_DB_PASSWORD", database.password(),
                "FLOWGATE_OPERATOR_TOKEN", OPERATOR_TOKEN,
                "FLOWGATE_MASTER_KEY", MASTER_KEY));
        environment.putAll(settings);
        flowgate = Flowgate.start(Config.fromEnvironment(environment));
        http = new Http(flowgate.port());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database.truncateAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        flowgate.close();
        database.close();
    }

    Http http() {
        return http;
    }

    int port() {
        return flowgate.port();
    }

    TestDatabase database() {
        return database;
    }

    String[] operator() {
        return new String[] {"Authorization", "SSWS " + OPERATOR_TOKEN};
    }

    /** Creates an org through the operator API and returns what its admin needs. */
    OrgAdmin createOrg(String slug) {
        HttpResponse<String> response = http.post("/api/v1/orgs",
                "{\"slug\":\"" + slug + "\",\"name\":\"Org " + slug + "\"}", operator());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode org = Http.json(response);
        return new OrgAdmin(org.get("id").asText(), slug, org.get("issuer").asText(), org.get("adminToken").asText());
    }

    /** The first column of every row the query returns, as text. */
    List<String> query(String sql) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            connection.rollback();
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs one changing statement and commits it, for what the API cannot do (e.g. extend the scope catalog). */
    void update(String sql) {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
