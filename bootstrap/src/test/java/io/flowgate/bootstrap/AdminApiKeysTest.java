package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.AdminApiSupport.ID;
import static io.flowgate.bootstrap.AdminApiSupport.INSTANT;
import static io.flowgate.bootstrap.AdminApiSupport.addKey;
import static io.flowgate.bootstrap.AdminApiSupport.assertBadRequestAt;
import static io.flowgate.bootstrap.AdminApiSupport.assertCreated;
import static io.flowgate.bootstrap.AdminApiSupport.assertNoContent;
import static io.flowgate.bootstrap.AdminApiSupport.assertOk;
import static io.flowgate.bootstrap.AdminApiSupport.assertProblem;
import static io.flowgate.bootstrap.AdminApiSupport.createApp;
import static io.flowgate.bootstrap.AdminApiSupport.field;
import static io.flowgate.bootstrap.AdminApiSupport.fieldNames;
import static io.flowgate.bootstrap.AdminApiSupport.firstAdminTokenId;
import static io.flowgate.bootstrap.AdminTestKeys.publicJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code {issuer}/api/v1/apps/{appId}/credentials/jwks}: an app's public keys, end to end, with real keys. */
class AdminApiKeysTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static final String UNKNOWN_ID = "00000000000000000000";

    private Http http;
    private OrgAdmin acme;
    private String appId;

    @BeforeEach
    void orgWithApp() {
        http = node.http();
        acme = node.createOrg("acme");
        appId = createApp(http, acme, "Invoker").get("id").asText();
    }

    private String jwks() {
        return acme.api("/apps/" + appId + "/credentials/jwks");
    }

    private String key(String keyId) {
        return jwks() + "/" + keyId;
    }

    private HttpResponse<String> upload(String jwk) {
        return http.post(jwks(), jwk, acme.auth());
    }

    private HttpResponse<String> generate(String alg) {
        return http.post(jwks() + "/generate", "{\"alg\":\"" + alg + "\"}", acme.auth());
    }

    private List<String> storedKeys() {
        return node.query("select t::text from app_keys t order by id");
    }

    private void assertNoKeyStored() {
        assertThat(storedKeys()).isEmpty();
        assertThat(assertOk(http.get(jwks(), acme.auth()))).isEmpty();
        assertThat(node.query("select count(*) from system_log where event_type like 'app.key.%'"))
                .containsExactly("0");
    }

    static Stream<Arguments> supportedKeys() {
        return Stream.of(
                Arguments.of(AdminTestKeys.rsa(2048), "RS256", List.of("n", "e")),
                Arguments.of(AdminTestKeys.ecP256(), "ES256", List.of("crv", "x", "y")),
                Arguments.of(AdminTestKeys.ed25519(), "EdDSA", List.of("crv", "x")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("supportedKeys")
    void uploadPublicKey_withoutKid_answers201WithTheThumbprintAsKidAndThePublicMembers(
            JWK jwk, String alg, List<String> publicMembers) {
        HttpResponse<String> response = upload(publicJson(jwk, null));

        JsonNode key = assertCreated(response);
        assertThat(fieldNames(key)).containsExactlyInAnyOrderElementsOf(Stream.concat(
                Stream.of("id", "kid", "status", "kty", "alg", "use", "created", "lastUpdated"),
                publicMembers.stream()).toList());
        assertThat(key.get("id").asText()).matches(ID);
        assertThat(key.get("kid").asText()).isEqualTo(AdminTestKeys.thumbprint(jwk));
        assertThat(key.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(key.get("kty").asText()).isEqualTo(jwk.getKeyType().getValue());
        assertThat(key.get("alg").asText()).isEqualTo(alg);
        assertThat(key.get("use").asText()).isEqualTo("sig");
        assertThat(key.get("created").asText()).matches(INSTANT);
        JsonNode sent = readJson(publicJson(jwk, null));
        for (String member : publicMembers) {
            assertThat(key.get(member)).as(member).isEqualTo(sent.get(member));
        }
        assertThat(response.headers().firstValue("Location"))
                .hasValue(acme.issuer() + "/api/v1/apps/" + appId + "/credentials/jwks/" + key.get("id").asText());
        assertThat(storedKeys()).hasSize(1);
    }

    @Test
    void uploadPublicKey_withKid_keepsThatKid() {
        JsonNode key = addKey(http, acme, appId, publicJson(AdminTestKeys.ecP256(), "my-key-2026"));

        assertThat(key.get("kid").asText()).isEqualTo("my-key-2026");
    }

    @Test
    void uploadPublicKey_keepsOnlyThePublicKey_notTheUrlsOrCertificatesThatCameWithIt() {
        String jwk = withMember(withMember(withMember(publicJson(AdminTestKeys.ecP256(), null),
                "jku", "https://attacker.example/jwks"), "x5u", "https://attacker.example/cert"), "x5t", "abc");

        HttpResponse<String> response = upload(jwk);

        assertCreated(response);
        assertThat(response.body()).doesNotContain("attacker.example", "x5t");
        assertThat(storedKeys()).singleElement().asString().doesNotContain("attacker.example", "x5t");
    }

    @Test
    void uploadedKey_isListedAndReadable_asTheUploadAnsweredIt() {
        JsonNode rsa = addKey(http, acme, appId, publicJson(AdminTestKeys.rsa(2048), null));
        JsonNode ec = addKey(http, acme, appId, publicJson(AdminTestKeys.ecP256(), null));

        JsonNode listed = assertOk(http.get(jwks(), acme.auth()));
        JsonNode read = assertOk(http.get(key(ec.get("id").asText()), acme.auth()));

        assertThat(listed).containsExactlyInAnyOrder(rsa, ec);
        assertThat(read).isEqualTo(ec);
    }

    /** Each refused upload: the JWK, and the member its refusal points at (null: the body as a whole). */
    static Stream<Arguments> refusedUploads() {
        RSAKey rsa = AdminTestKeys.rsa(2048);
        ECKey ec = AdminTestKeys.ecP256();
        OctetKeyPair ed = AdminTestKeys.ed25519();
        String ecPublic = publicJson(ec, null);
        return Stream.of(
                Arguments.of("RSA private key", rsa.toJSONString(), "d"),
                Arguments.of("EC private key", ec.toJSONString(), "d"),
                Arguments.of("Ed25519 private key", ed.toJSONString(), "d"),
                Arguments.of("public RSA key plus d", withMember(publicJson(rsa, null), "d",
                        rsa.getPrivateExponent().toString()), "d"),
                Arguments.of("symmetric key", AdminTestKeys.symmetric().toJSONString(), "kty"),
                Arguments.of("symmetric key without k", "{\"kty\":\"oct\"}", "kty"),
                Arguments.of("RSA 1024 bits", publicJson(AdminTestKeys.rsa(1024), null), "n"),
                Arguments.of("RSA 2047 bits", publicJson(AdminTestKeys.rsa(2047), null), "n"),
                Arguments.of("Ed448 key", publicJson(AdminTestKeys.ed448(), null), "crv"),
                Arguments.of("P-256 point claiming secp256k1", withMember(ecPublic, "crv", "secp256k1"), "crv"),
                Arguments.of("EC point off its curve", withMember(ecPublic, "y", readJson(ecPublic).get("x").asText()),
                        null),
                Arguments.of("no kty", "{\"n\":\"abc\",\"e\":\"AQAB\"}", "kty"),
                Arguments.of("encryption key", withMember(publicJson(rsa, null), "use", "enc"), "use"),
                Arguments.of("alg of another key type", withMember(publicJson(rsa, null), "alg", "ES256"), "alg"),
                Arguments.of("HMAC alg", withMember(publicJson(rsa, null), "alg", "HS256"), "alg"),
                Arguments.of("alg none", withMember(ecPublic, "alg", "none"), "alg"),
                Arguments.of("kid with a space", withMember(ecPublic, "kid", "my key"), "kid"),
                Arguments.of("a JSON array", "[" + ecPublic + "]", null),
                Arguments.of("not JSON", "kty=RSA", null),
                Arguments.of("empty body", "", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedUploads")
    void refusedUpload_isABadRequestAtTheMember_andNothingIsStored(String situation, String jwk, String member) {
        HttpResponse<String> response = upload(jwk);

        JsonNode problem = member == null ? assertProblem(response, 400) : assertBadRequestAt(response, "/" + member);
        assertThat(problem.toString()).doesNotContain("AQAB");
        assertNoKeyStored();
    }

    @Test
    void refusedPrivateKey_isNotEchoedBack() {
        RSAKey rsa = AdminTestKeys.rsa(2048);

        HttpResponse<String> response = upload(rsa.toJSONString());

        assertBadRequestAt(response, "/d");
        assertThat(response.body()).doesNotContain(rsa.getPrivateExponent().toString(), rsa.getModulus().toString());
    }

    @Test
    void duplicateKid_isAConflict_andOnlyTheFirstKeyIsStored() {
        JsonNode first = addKey(http, acme, appId, publicJson(AdminTestKeys.ecP256(), "shared"));
        List<String> before = storedKeys();

        assertProblem(upload(publicJson(AdminTestKeys.rsa(2048), "shared")), 409);

        assertThat(storedKeys()).isEqualTo(before);
        assertThat(assertOk(http.get(jwks(), acme.auth()))).containsExactly(first);
    }

    @Test
    void sameKeyUploadedTwiceWithoutKid_isAConflictOnItsThumbprint() {
        String jwk = publicJson(AdminTestKeys.ed25519(), null);
        addKey(http, acme, appId, jwk);

        assertProblem(upload(jwk), 409);

        assertThat(storedKeys()).hasSize(1);
    }

    @Test
    void sameKidInAnotherApp_isAccepted() {
        addKey(http, acme, appId, publicJson(AdminTestKeys.ecP256(), "shared"));
        String otherApp = createApp(http, acme, "Other").get("id").asText();

        JsonNode key = addKey(http, acme, otherApp, publicJson(AdminTestKeys.ecP256(), "shared"));

        assertThat(key.get("kid").asText()).isEqualTo("shared");
    }

    static Stream<Arguments> generatedAlgorithms() {
        return Stream.of(
                Arguments.of("RS256", "RSA", "RSA", "SHA256withRSA"),
                Arguments.of("ES256", "EC", "EC", "SHA256withECDSA"),
                Arguments.of("EdDSA", "OKP", "Ed25519", "Ed25519"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedAlgorithms")
    void generateKey_answers201WithThePrivateHalfOnce_thatSignsForThePublicKey(
            String alg, String kty, String jdkKeyAlgorithm, String jdkSignature) {
        HttpResponse<String> response = generate(alg);

        JsonNode generated = assertCreated(response);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(generated.get("alg").asText()).isEqualTo(alg);
        assertThat(generated.get("kty").asText()).isEqualTo(kty);
        assertThat(generated.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(generated.get("use").asText()).isEqualTo("sig");
        JsonNode privateJwk = generated.get("privateJwk");
        assertThat(privateJwk.get("d").asText()).isNotBlank();
        assertThat(privateJwk.get("kid")).isEqualTo(generated.get("kid"));
        assertThat(privateJwk.get("kty")).isEqualTo(generated.get("kty"));
        String pem = generated.get("privateKeyPem").asText();
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");

        JsonNode read = assertOk(http.get(key(generated.get("id").asText()), acme.auth()));
        ObjectNode withoutPrivateHalf = generated.deepCopy();
        withoutPrivateHalf.remove(List.of("privateJwk", "privateKeyPem"));
        assertThat(read).isEqualTo(withoutPrivateHalf);
        assertThat(response.headers().firstValue("Location"))
                .hasValue(acme.issuer() + "/api/v1/apps/" + appId + "/credentials/jwks/" + read.get("id").asText());

        PrivateKey privateKey = AdminTestKeys.fromPem(pem, jdkKeyAlgorithm);
        assertThat(AdminTestKeys.signatureVerifies(privateKey, AdminTestKeys.publicKeyOf(read), jdkSignature))
                .isTrue();
        assertThat(AdminTestKeys.signatureVerifies(privateKey, AdminTestKeys.publicKeyOf(privateJwk), jdkSignature))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedAlgorithms")
    void generatedKey_isNeverShownOrStoredWithItsPrivateHalf(String alg) {
        JsonNode generated = assertCreated(generate(alg));
        String d = generated.get("privateJwk").get("d").asText();
        String pemBody = generated.get("privateKeyPem").asText()
                .replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        String firstPemLine = generated.get("privateKeyPem").asText().split("\n")[1];

        HttpResponse<String> read = http.get(key(generated.get("id").asText()), acme.auth());
        HttpResponse<String> listed = http.get(jwks(), acme.auth());

        for (HttpResponse<String> response : List.of(read, listed)) {
            assertThat(response.body()).doesNotContain("privateJwk", "privateKeyPem", "\"d\"", d, firstPemLine);
        }
        List<String> stored = node.query("select t::text from app_keys t");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).doesNotContain("\"d\"", d, firstPemLine, pemBody.substring(0, 40), "PRIVATE KEY");
        assertThat(node.query("select t::text from system_log t"))
                .allSatisfy(row -> assertThat(row).doesNotContain(d, firstPemLine));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "none", "rs256", "RSA", ""})
    void generateKey_withAnUnsupportedAlg_isABadRequestAt_alg_andNothingIsStored(String alg) {
        assertBadRequestAt(generate(alg), "/alg");

        assertNoKeyStored();
    }

    @Test
    void generateKey_withABadBody_isABadRequest_andNothingIsStored() {
        assertBadRequestAt(http.post(jwks() + "/generate", "{}", acme.auth()), "/alg");
        assertBadRequestAt(http.post(jwks() + "/generate", "{\"alg\":256}", acme.auth()), "/alg");
        assertBadRequestAt(http.post(jwks() + "/generate", "{\"alg\":\"RS256\",\"bits\":1024}", acme.auth()),
                "/bits");
        assertProblem(http.post(jwks() + "/generate", "{\"alg\":", acme.auth()), 400);

        assertNoKeyStored();
    }

    @Test
    void deactivateOneOfTwoActiveKeys_answers200WithTheInactiveKey() {
        JsonNode first = assertCreated(generate("ES256"));
        JsonNode second = assertCreated(generate("ES256"));
        String firstId = first.get("id").asText();

        JsonNode deactivated = assertOk(http.post(key(firstId) + "/lifecycle/deactivate", "", acme.auth()));

        assertThat(deactivated.get("id").asText()).isEqualTo(firstId);
        assertThat(deactivated.get("status").asText()).isEqualTo("INACTIVE");
        assertThat(deactivated.get("kid")).isEqualTo(first.get("kid"));
        assertThat(assertOk(http.get(key(firstId), acme.auth()))).isEqualTo(deactivated);
        assertThat(assertOk(http.get(key(second.get("id").asText()), acme.auth())).get("status").asText())
                .isEqualTo("ACTIVE");
    }

    @Test
    void deactivateTheAppsLastActiveKey_isAConflict_andTheKeyStaysActive() {
        JsonNode only = assertCreated(generate("EdDSA"));
        String id = only.get("id").asText();

        assertProblem(http.post(key(id) + "/lifecycle/deactivate", "", acme.auth()), 409);

        assertThat(assertOk(http.get(key(id), acme.auth())).get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void deactivateTheLastActiveKey_isAConflictEvenWhenInactiveKeysRemain() {
        String first = assertCreated(generate("ES256")).get("id").asText();
        String second = assertCreated(generate("ES256")).get("id").asText();
        assertOk(http.post(key(first) + "/lifecycle/deactivate", "", acme.auth()));
        List<String> before = storedKeys();

        assertProblem(http.post(key(second) + "/lifecycle/deactivate", "", acme.auth()), 409);

        assertThat(storedKeys()).isEqualTo(before);
    }

    /** Ten tries, as the two requests need to overlap; without a lock most tries leave no active key. */
    @Test
    void deactivatingBothActiveKeysAtOnce_leavesOneActive() {
        for (int round = 0; round < 10; round++) {
            String app = createApp(http, acme, "Race " + round).get("id").asText();
            String path = acme.api("/apps/" + app + "/credentials/jwks/");
            String first = assertCreated(http.post(path + "generate", "{\"alg\":\"ES256\"}", acme.auth()))
                    .get("id").asText();
            String second = assertCreated(http.post(path + "generate", "{\"alg\":\"ES256\"}", acme.auth()))
                    .get("id").asText();

            List<Integer> statuses = AdminApiSupport.concurrently(
                    () -> http.post(path + first + "/lifecycle/deactivate", "", acme.auth()),
                    () -> http.post(path + second + "/lifecycle/deactivate", "", acme.auth()));

            assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
            assertThat(node.query("select count(*) from app_keys where app_id = '" + app + "' and status = 'ACTIVE'"))
                    .as("round " + round).containsExactly("1");
        }
    }

    @Test
    void activateInactiveKey_answers200WithTheActiveKey() {
        String first = assertCreated(generate("ES256")).get("id").asText();
        assertCreated(generate("ES256"));
        assertOk(http.post(key(first) + "/lifecycle/deactivate", "", acme.auth()));

        JsonNode activated = assertOk(http.post(key(first) + "/lifecycle/activate", "", acme.auth()));

        assertThat(activated.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(assertOk(http.get(key(first), acme.auth()))).isEqualTo(activated);
    }

    @Test
    void deleteActiveKey_isAConflict_andTheKeyStays() {
        String id = assertCreated(generate("ES256")).get("id").asText();
        assertCreated(generate("ES256"));
        List<String> before = storedKeys();

        assertProblem(http.delete(key(id), acme.auth()), 409);

        assertThat(storedKeys()).isEqualTo(before);
    }

    @Test
    void deleteInactiveKey_answers204_andTheKeyIsGone() {
        String id = assertCreated(generate("ES256")).get("id").asText();
        String remaining = assertCreated(generate("ES256")).get("id").asText();
        assertOk(http.post(key(id) + "/lifecycle/deactivate", "", acme.auth()));

        assertNoContent(http.delete(key(id), acme.auth()));

        assertProblem(http.get(key(id), acme.auth()), 404);
        assertThat(field(assertOk(http.get(jwks(), acme.auth())), "id")).containsExactly(remaining);
        assertProblem(http.delete(key(id), acme.auth()), 404);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyKeyRoute")
    void unknownApp_isNotFoundOnEveryKeyRoute(String method, String suffix, String body) {
        String keyId = assertCreated(generate("ES256")).get("id").asText();
        List<String> before = storedKeys();

        for (String app : List.of(UNKNOWN_ID, "not-an-id!")) {
            String path = acme.api("/apps/" + app + "/credentials/jwks" + suffix.replace("{keyId}", keyId));
            assertProblem(send(method, path, body), 404);
        }

        assertThat(storedKeys()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routesOfOneKey")
    void unknownKey_isNotFoundOnEveryRouteOfAKey(String method, String suffix, String body) {
        assertCreated(generate("ES256"));
        List<String> before = storedKeys();

        for (String keyId : List.of(UNKNOWN_ID, "not-an-id!")) {
            assertProblem(send(method, jwks() + suffix.replace("{keyId}", keyId), body), 404);
        }

        assertThat(storedKeys()).isEqualTo(before);
    }

    static Stream<Arguments> everyKeyRoute() {
        return Stream.concat(Stream.of(
                Arguments.of("GET", "", null),
                Arguments.of("POST", "", publicJson(AdminTestKeys.ecP256(), null)),
                Arguments.of("POST", "/generate", "{\"alg\":\"ES256\"}")), routesOfOneKey());
    }

    static Stream<Arguments> routesOfOneKey() {
        return Stream.of(
                Arguments.of("GET", "/{keyId}", null),
                Arguments.of("POST", "/{keyId}/lifecycle/activate", ""),
                Arguments.of("POST", "/{keyId}/lifecycle/deactivate", ""),
                Arguments.of("DELETE", "/{keyId}", null));
    }

    @Test
    void aKeyIsAddressedUnderItsOwnApp_only() {
        String keyId = assertCreated(generate("ES256")).get("id").asText();
        assertCreated(generate("ES256"));
        String otherApp = createApp(http, acme, "Other").get("id").asText();
        String otherPath = acme.api("/apps/" + otherApp + "/credentials/jwks/" + keyId);
        List<String> before = storedKeys();

        assertProblem(http.get(otherPath, acme.auth()), 404);
        assertProblem(http.post(otherPath + "/lifecycle/deactivate", "", acme.auth()), 404);
        assertProblem(http.delete(otherPath, acme.auth()), 404);

        assertThat(storedKeys()).isEqualTo(before);
    }

    @Test
    void everyKeyChange_isLoggedWithTheActingTokenAndItsEventType() {
        String actor = "admin-token:" + firstAdminTokenId(http, acme);
        String uploaded = addKey(http, acme, appId, publicJson(AdminTestKeys.rsa(2048), null)).get("id").asText();
        String generated = assertCreated(generate("ES256")).get("id").asText();
        assertOk(http.post(key(uploaded) + "/lifecycle/deactivate", "", acme.auth()));
        assertOk(http.post(key(uploaded) + "/lifecycle/activate", "", acme.auth()));
        assertOk(http.post(key(generated) + "/lifecycle/deactivate", "", acme.auth()));
        assertNoContent(http.delete(key(generated), acme.auth()));

        JsonNode logs = assertOk(http.get(acme.api("/logs"), acme.auth()));

        String app = "app:" + appId;
        assertThat(logs).filteredOn(event -> event.get("eventType").asText().startsWith("app.key."))
                .extracting(event -> event.get("eventType").asText() + " " + event.get("actor").asText() + " "
                        + event.get("target").asText())
                .containsExactlyInAnyOrder(
                        "app.key.created " + actor + " " + app + "/key:" + uploaded,
                        "app.key.created " + actor + " " + app + "/key:" + generated,
                        "app.key.deactivated " + actor + " " + app + "/key:" + uploaded,
                        "app.key.activated " + actor + " " + app + "/key:" + uploaded,
                        "app.key.deactivated " + actor + " " + app + "/key:" + generated,
                        "app.key.deleted " + actor + " " + app + "/key:" + generated);
    }

    private HttpResponse<String> send(String method, String path, String body) {
        return switch (method) {
            case "GET" -> http.get(path, acme.auth());
            case "POST" -> http.post(path, body, acme.auth());
            case "DELETE" -> http.delete(path, acme.auth());
            default -> throw new IllegalArgumentException(method);
        };
    }

    private static JsonNode readJson(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withMember(String json, String member, String value) {
        ObjectNode object = (ObjectNode) readJson(json);
        object.put(member, value);
        return object.toString();
    }
}
