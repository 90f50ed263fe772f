package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.AdminApiSupport.INVOKE_SCOPE;
import static io.flowgate.bootstrap.AdminApiSupport.addKey;
import static io.flowgate.bootstrap.AdminApiSupport.assertCreated;
import static io.flowgate.bootstrap.AdminApiSupport.assertOk;
import static io.flowgate.bootstrap.AdminApiSupport.assertProblem;
import static io.flowgate.bootstrap.AdminApiSupport.assertUnauthorized;
import static io.flowgate.bootstrap.AdminApiSupport.createApp;
import static io.flowgate.bootstrap.AdminApiSupport.grant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Nothing crosses orgs: an admin of org A can neither read, list, change, delete nor even detect
 * anything of org B — apps, keys, grants or admin tokens.
 */
class AdminIsolationAppsTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    /** Well-formed ids that name nothing, one per kind, to compare B's ids against. */
    private static final Map<String, String> MADE_UP = Map.of(
            "{app}", "0madeUpApp0000000000",
            "{key}", "0madeUpKey0000000000",
            "{grant}", "0madeUpGrant0000000",
            "{token}", "0madeUpToken0000000");

    private Http http;
    private OrgAdmin a;
    private OrgAdmin b;
    private String aApp;
    /** B's ids by kind: an ACTIVE app with its only (so ACTIVE, undeletable) key and a grant; an admin token. */
    private Map<String, String> bIds;
    /** B's INACTIVE app with an INACTIVE key: what A could delete if the org boundary leaked. */
    private Map<String, String> bDeletableIds;
    private RSAKey bUploadedKey;
    private Snapshot bBefore;

    @BeforeEach
    void twoOrgs() {
        http = node.http();
        a = node.createOrg("alpha");
        b = node.createOrg("beta");

        aApp = createApp(http, a, "A's app").get("id").asText();
        assertCreated(http.post(a.api("/apps/" + aApp + "/credentials/jwks/generate"), "{\"alg\":\"ES256\"}",
                a.auth()));
        grant(http, a, aApp, INVOKE_SCOPE);

        String bApp = createApp(http, b, "B's app").get("id").asText();
        bUploadedKey = AdminTestKeys.rsa(2048);
        String bKey = addKey(http, b, bApp, AdminTestKeys.publicJson(bUploadedKey, "b-key")).get("id").asText();
        String bGrant = grant(http, b, bApp, INVOKE_SCOPE).get("id").asText();
        String bToken = assertCreated(http.post(b.api("/api-tokens"), "{\"name\":\"B's second\"}", b.auth()))
                .get("id").asText();
        bIds = Map.of("{app}", bApp, "{key}", bKey, "{grant}", bGrant, "{token}", bToken);

        String bInactiveApp = createApp(http, b, "B's retired app").get("id").asText();
        String bInactiveKey = assertCreated(http.post(b.api("/apps/" + bInactiveApp + "/credentials/jwks/generate"),
                "{\"alg\":\"EdDSA\"}", b.auth())).get("id").asText();
        assertCreated(http.post(b.api("/apps/" + bInactiveApp + "/credentials/jwks/generate"), "{\"alg\":\"EdDSA\"}",
                b.auth()));
        assertOk(http.post(b.api("/apps/" + bInactiveApp + "/credentials/jwks/" + bInactiveKey
                + "/lifecycle/deactivate"), "", b.auth()));
        assertOk(http.post(b.api("/apps/" + bInactiveApp + "/lifecycle/deactivate"), "", b.auth()));
        bDeletableIds = Map.of("{app}", bInactiveApp, "{key}", bInactiveKey, "{grant}", bGrant,
                "{token}", bToken);

        bBefore = snapshotOfB();
    }

    /** One admin request: method, a path template with {app}, {key}, {grant}, {token} and {aApp}, a body. */
    private record Route(String method, String template, String body) {

        String path(OrgAdmin org, String aApp, Map<String, String> ids) {
            String path = template.replace("{aApp}", aApp);
            for (Map.Entry<String, String> id : ids.entrySet()) {
                path = path.replace(id.getKey(), id.getValue());
            }
            return org.api(path);
        }
    }

    /** Every admin route of apps, keys, grants and admin tokens that names something. */
    private static List<Route> routesNamingSomething() {
        String jwk = AdminTestKeys.publicJson(AdminTestKeys.ecP256(), null);
        return List.of(
                new Route("GET", "/apps/{app}", null),
                new Route("PUT", "/apps/{app}", "{\"label\":\"taken over\"}"),
                new Route("POST", "/apps/{app}/lifecycle/activate", ""),
                new Route("POST", "/apps/{app}/lifecycle/deactivate", ""),
                new Route("DELETE", "/apps/{app}", null),
                new Route("GET", "/apps/{app}/credentials/jwks", null),
                new Route("POST", "/apps/{app}/credentials/jwks", jwk),
                new Route("POST", "/apps/{app}/credentials/jwks/generate", "{\"alg\":\"RS256\"}"),
                new Route("GET", "/apps/{app}/credentials/jwks/{key}", null),
                new Route("POST", "/apps/{app}/credentials/jwks/{key}/lifecycle/activate", ""),
                new Route("POST", "/apps/{app}/credentials/jwks/{key}/lifecycle/deactivate", ""),
                new Route("DELETE", "/apps/{app}/credentials/jwks/{key}", null),
                new Route("GET", "/apps/{aApp}/credentials/jwks/{key}", null),
                new Route("POST", "/apps/{aApp}/credentials/jwks/{key}/lifecycle/activate", ""),
                new Route("POST", "/apps/{aApp}/credentials/jwks/{key}/lifecycle/deactivate", ""),
                new Route("DELETE", "/apps/{aApp}/credentials/jwks/{key}", null),
                new Route("GET", "/apps/{app}/grants", null),
                new Route("POST", "/apps/{app}/grants", "{\"scopeId\":\"" + INVOKE_SCOPE + "\"}"),
                new Route("GET", "/apps/{app}/grants/{grant}", null),
                new Route("DELETE", "/apps/{app}/grants/{grant}", null),
                new Route("GET", "/apps/{aApp}/grants/{grant}", null),
                new Route("DELETE", "/apps/{aApp}/grants/{grant}", null),
                new Route("DELETE", "/api-tokens/{token}", null));
    }

    /** Every admin route of org B, including the lists and creations that name nothing but the org. */
    private List<Route> everyRouteOfB() {
        List<Route> routes = new ArrayList<>(routesNamingSomething());
        routes.addAll(List.of(
                new Route("GET", "/apps", null),
                new Route("POST", "/apps", "{\"label\":\"planted\"}"),
                new Route("GET", "/api-tokens", null),
                new Route("POST", "/api-tokens", "{\"name\":\"planted\"}"),
                new Route("GET", "/scopes", null),
                new Route("GET", "/logs", null)));
        return routes;
    }

    private HttpResponse<String> send(Route route, String path, String... auth) {
        return switch (route.method()) {
            case "GET" -> http.get(path, auth);
            case "POST" -> http.post(path, route.body(), auth);
            case "PUT" -> http.put(path, route.body(), auth);
            case "DELETE" -> http.delete(path, auth);
            default -> throw new IllegalArgumentException(route.method());
        };
    }

    @Test
    void aTokenOfA_onBsUrls_isUnauthorizedOnEveryRoute_exactlyAsWithoutAToken() {
        for (Route route : everyRouteOfB()) {
            // A's own app id means nothing in B's URLs: B's app stands in for it
            String path = route.path(b, bIds.get("{app}"), bIds);

            HttpResponse<String> withAsToken = send(route, path, a.auth());
            HttpResponse<String> withoutToken = send(route, path);

            assertUnauthorized(withAsToken);
            assertThat(withAsToken.body()).as(route.method() + " " + path).isEqualTo(withoutToken.body());
        }

        assertThat(snapshotOfB()).isEqualTo(bBefore);
    }

    @Test
    void bsIds_inAsUrls_areNotFound_withExactlyTheBodyOfAMadeUpId() {
        for (Map<String, String> ids : List.of(bIds, bDeletableIds)) {
            for (Route route : routesNamingSomething()) {
                HttpResponse<String> withBsIds = send(route, route.path(a, aApp, ids), a.auth());
                HttpResponse<String> withMadeUpIds = send(route, route.path(a, aApp, MADE_UP), a.auth());

                String situation = route.method() + " " + route.template() + " with B's ids";
                assertThat(withBsIds.statusCode()).as(situation).isEqualTo(404);
                assertProblem(withBsIds, 404);
                assertProblem(withMadeUpIds, 404);
                assertThat(withBsIds.headers().firstValue("Content-Type"))
                        .isEqualTo(withMadeUpIds.headers().firstValue("Content-Type"));
                assertThat(normalized(withBsIds.body(), ids)).as(situation)
                        .isEqualTo(normalized(withMadeUpIds.body(), MADE_UP));
            }
        }

        assertThat(snapshotOfB()).isEqualTo(bBefore);
    }

    @Test
    void bsAdminTokenIds_areNotFoundForA_evenBsLastRemainingToken() {
        OrgAdmin c = node.createOrg("gamma");
        String cOnlyToken = assertOk(http.get(c.api("/api-tokens"), c.auth())).get(0).get("id").asText();

        HttpResponse<String> response = http.delete(a.api("/api-tokens/" + cOnlyToken), a.auth());
        HttpResponse<String> madeUp = http.delete(a.api("/api-tokens/" + MADE_UP.get("{token}")), a.auth());

        assertProblem(response, 404);
        assertThat(response.body().replace(cOnlyToken, "{token}"))
                .isEqualTo(madeUp.body().replace(MADE_UP.get("{token}"), "{token}"));
        assertOk(http.get(c.api("/api-tokens"), c.auth()));
    }

    @Test
    void asLists_andLog_showNothingOfB() {
        List<String> bIdsAndNames = new ArrayList<>(bIds.values());
        bIdsAndNames.addAll(bDeletableIds.values());
        bIdsAndNames.addAll(List.of("B's app", "B's second", "b-key", b.id()));

        List<HttpResponse<String>> lists = List.of(
                http.get(a.api("/apps"), a.auth()),
                http.get(a.api("/apps?limit=200"), a.auth()),
                http.get(a.api("/apps?after=" + bIds.get("{app}")), a.auth()),
                http.get(a.api("/api-tokens"), a.auth()),
                http.get(a.api("/apps/" + aApp + "/credentials/jwks"), a.auth()),
                http.get(a.api("/apps/" + aApp + "/grants"), a.auth()),
                http.get(a.api("/logs?limit=200"), a.auth()));

        for (HttpResponse<String> list : lists) {
            assertThat(list.statusCode()).isEqualTo(200);
            for (String bValue : bIdsAndNames) {
                assertThat(list.body()).doesNotContain(bValue);
            }
        }
        assertThat(assertOk(http.get(a.api("/apps"), a.auth()))).hasSize(1);
    }

    @Test
    void bsKidAndKey_areFreeInA_soTheirUseInBCannotBeDetected() {
        JsonNode sameKid = addKey(http, a, aApp, AdminTestKeys.publicJson(AdminTestKeys.ecP256(), "b-key"));
        JsonNode sameKey = addKey(http, a, aApp, AdminTestKeys.publicJson(bUploadedKey, null));

        assertThat(sameKid.get("kid").asText()).isEqualTo("b-key");
        assertThat(sameKey.get("kid").asText()).isEqualTo(AdminTestKeys.thumbprint(bUploadedKey));
        assertThat(snapshotOfB()).isEqualTo(bBefore);
    }

    private static String normalized(String body, Map<String, String> ids) {
        String normalized = body;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            normalized = normalized.replace(id.getValue(), id.getKey());
        }
        return normalized;
    }

    /** Everything of B, as B's admin reads it and as the database holds it. */
    private record Snapshot(Map<String, String> api, List<String> rows) {
    }

    private Snapshot snapshotOfB() {
        Map<String, String> api = new LinkedHashMap<>();
        JsonNode apps = assertOk(http.get(b.api("/apps"), b.auth()));
        api.put("apps", apps.toString());
        for (JsonNode app : apps) {
            String id = app.get("id").asText();
            api.put("keys of " + id, assertOk(http.get(b.api("/apps/" + id + "/credentials/jwks"), b.auth())).toString());
            api.put("grants of " + id, assertOk(http.get(b.api("/apps/" + id + "/grants"), b.auth())).toString());
        }
        api.put("api-tokens", assertOk(http.get(b.api("/api-tokens"), b.auth())).toString());
        api.put("logs", assertOk(http.get(b.api("/logs?limit=200"), b.auth())).toString());
        String org = "'" + b.id() + "'";
        List<String> rows = new ArrayList<>();
        for (String table : List.of("apps", "app_keys", "scope_grants", "admin_tokens", "system_log")) {
            rows.addAll(node.query("select '" + table + " ' || t::text from " + table + " t where org_id = " + org
                    + " order by id"));
        }
        return new Snapshot(api, rows);
    }
}
