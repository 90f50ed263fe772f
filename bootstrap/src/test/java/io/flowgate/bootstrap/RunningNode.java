package io.flowgate.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowgate.adapter.out.persistence.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
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

    private final boolean publicAtItsOwnAddress;
    private final Map<String, String> settings;
    private String publicUrl;
    private TestDatabase database;
    private Map<String, String> environment;
    private Flowgate flowgate;
    private Http http;

    /** A node whose public URL is {@value #PUBLIC_URL}, as behind a reverse proxy. */
    RunningNode() {
        this(false, Map.of());
    }

    /** A node with some settings of its own, e.g. {@code Map.of("FLOWGATE_MAX_BODY", "1KiB")}. */
    RunningNode(Map<String, String> settings) {
        this(false, settings);
    }

    private RunningNode(boolean publicAtItsOwnAddress, Map<String, String> settings) {
        this.publicAtItsOwnAddress = publicAtItsOwnAddress;
        this.settings = Map.copyOf(settings);
    }

    /** A node's settings for the given database, on a free port, with this class's operator token and master key. */
    static Map<String, String> environmentOn(TestDatabase database) {
        return Map.of(
                "FLOWGATE_PORT", "0",
                "FLOWGATE_DB_URL", database.url(),
                "FLOWGATE_DB_USER", database.user(),
                "FLOWGATE_DB_PASSWORD", database.password(),
                "FLOWGATE_OPERATOR_TOKEN", OPERATOR_TOKEN,
                "FLOWGATE_MASTER_KEY", MASTER_KEY);
    }

    /**
     * A node whose public URL is the address it listens on, {@code http://localhost:<port>}, for
     * clients that take every URL from the metadata, as OAuth client libraries do.
     */
    static RunningNode atItsOwnAddress() {
        return new RunningNode(true, Map.of());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestDatabase.create();
        int port = publicAtItsOwnAddress ? freePort() : 0;
        publicUrl = publicAtItsOwnAddress ? "http://localhost:" + port : PUBLIC_URL;
        Map<String, String> environment = new HashMap<>(environmentOn(database));
        environment.put("FLOWGATE_PORT", String.valueOf(port));
        environment.put("FLOWGATE_PUBLIC_URL", publicUrl);
        environment.putAll(settings);
        this.environment = Map.copyOf(environment);
        flowgate = Flowgate.start(Config.fromEnvironment(environment));
        http = new Http(flowgate.port());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database.truncateAll();
        flowgate.readCache().dropAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        flowgate.close();
        database.close();
    }

    Http http() {
        return http;
    }

    /** A second node with the same settings on the same database, as behind a load balancer; the caller closes it. */
    Flowgate anotherNode() {
        Map<String, String> another = new HashMap<>(environment);
        another.put("FLOWGATE_PORT", "0");
        return Flowgate.start(Config.fromEnvironment(another));
    }

    /** {@value #PUBLIC_URL}, or {@code http://localhost:<port>} for a node {@link #atItsOwnAddress()}. */
    String publicUrl() {
        return publicUrl;
    }

    int port() {
        return flowgate.port();
    }

    /**
     * A plain TCP connection to the node, for requests an HTTP client library would not send as
     * written; reads give up after 5 s, long enough for an answer on a busy test machine.
     */
    Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    TestDatabase database() {
        return database;
    }

    static String[] operator() {
        return new String[] {"Authorization", "SSWS " + OPERATOR_TOKEN};
    }

    /** Creates an org through the operator API and returns what its admin needs. */
    OrgAdmin createOrg(String slug) {
        return createOrg(http, slug);
    }

    /** {@link #createOrg(String)} on any node started with this class's operator token. */
    static OrgAdmin createOrg(Http http, String slug) {
        HttpResponse<String> response = http.post("/api/v1/orgs",
                "{\"slug\":\"" + slug + "\",\"name\":\"Org " + slug + "\"}", operator());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode org = Http.json(response);
        return new OrgAdmin(org.get("id").asText(), slug, org.get("issuer").asText(), org.get("adminToken").asText());
    }

    /** The public URL must be known before the start, so the port is picked here rather than by the server. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            flowgate.readCache().dropAll();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
