package io.flowgate.bootstrap;

import static io.flowgate.bootstrap.FlowFixtures.DEFINITION;
import static io.flowgate.bootstrap.FlowFixtures.flowBody;
import static io.flowgate.bootstrap.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.flowgate.bootstrap.RunningNode.OrgAdmin;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks the whole setup of an org through the admin API, collects every secret the API hands out,
 * then reads every text, JSON and binary column of every table: none of those secrets may be stored.
 */
class NoPlaintextSecretsTest {

    @RegisterExtension
    static final RunningNode node = new RunningNode();

    private static final String[] PRIVATE_JWK_MEMBERS = {"d", "p", "q", "dp", "dq", "qi"};

    private final Http http = node.http();

    /** Every secret handed out, by what it is, as text that must not appear in any column. */
    private final Map<String, String> secrets = new LinkedHashMap<>();
    /** Private key material as raw bytes, which must not appear in any column either, binary ones included. */
    private final Map<String, byte[]> secretBytes = new LinkedHashMap<>();

    @Test
    void noSecretHandedOutBySetup_isStoredInAnyColumn() throws Exception {
        secrets.put("operator token", RunningNode.OPERATOR_TOKEN);
        OrgAdmin org = node.createOrg("acme");
        secrets.put("first admin token", org.adminToken());

        HttpResponse<String> adminToken = http.post(org.api("/api-tokens"), "{\"name\":\"seed\"}", org.auth());
        assertThat(adminToken.statusCode()).as(adminToken.body()).isEqualTo(201);
        secrets.put("second admin token", json(adminToken).get("token").asText());

        String app = created(http.post(org.api("/apps"), "{\"label\":\"Invoker\"}", org.auth())).get("id").asText();
        JsonNode rsa = generateKey(org, app, "RS256");
        generateKey(org, app, "ES256");
        generateKey(org, app, "EdDSA");
        created(http.post(org.api("/apps/" + app + "/grants"), "{\"scopeId\":\"okta.workflows.invoke.manage\"}",
                org.auth()));
        obtainAccessToken(org, app, rsa);

        String flow = created(http.post(org.api("/flows"), flowBody("Greeter", DEFINITION), org.auth()))
                .get("id").asText();
        HttpResponse<String> clientToken = http.put(org.api("/flows/" + flow + "/endpoint"),
                "{\"security\":\"CLIENT_TOKEN\"}", org.auth());
        assertThat(clientToken.statusCode()).as(clientToken.body()).isEqualTo(200);
        secrets.put("client token", json(clientToken).get("clientToken").asText());
        HttpResponse<String> regenerated = http.post(org.api("/flows/" + flow + "/endpoint/client-token"), "",
                org.auth());
        assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(200);
        secrets.put("regenerated client token", json(regenerated).get("clientToken").asText());

        Dump dump = dumpEveryColumn();

        // the dump reads what is stored: the public half of the key and the org's encrypted signing key are there
        assertThat(dump.containsText(rsa.get("n").asText())).as("public modulus in the dump").isTrue();
        assertThat(dump.binary()).as("encrypted signing keys in the dump").isNotEmpty();
        secrets.forEach((what, secret) -> {
            assertThat(secret).as(what).hasSizeGreaterThanOrEqualTo(20);
            assertThat(dump.containsText(secret)).as(what + " stored as text in " + dump.whereText(secret)).isFalse();
            assertThat(dump.containsBytes(secret.getBytes(StandardCharsets.UTF_8))).as(what + " stored in a binary column")
                    .isFalse();
        });
        secretBytes.forEach((what, bytes) -> {
            assertThat(dump.containsBytes(bytes)).as(what + " stored as raw bytes").isFalse();
            for (String encoded : new String[] {Base64.getEncoder().encodeToString(bytes),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), HexFormat.of().formatHex(bytes),
                    HexFormat.of().withUpperCase().formatHex(bytes)}) {
                assertThat(dump.containsText(encoded)).as(what + " stored encoded as " + encoded).isFalse();
            }
        });
    }

    /** Generates a key pair for the app and notes its private members and PKCS#8 PEM as secrets. */
    private JsonNode generateKey(OrgAdmin org, String app, String alg) {
        JsonNode key = created(http.post(org.api("/apps/" + app + "/credentials/jwks/generate"),
                "{\"alg\":\"" + alg + "\"}", org.auth()));
        JsonNode privateJwk = key.get("privateJwk");
        for (String member : PRIVATE_JWK_MEMBERS) {
            if (privateJwk.has(member)) {
                String value = privateJwk.get(member).asText();
                secrets.put(alg + " private " + member, value);
                secretBytes.put(alg + " private " + member, Base64.getUrlDecoder().decode(value));
            }
        }
        assertThat(secrets).containsKey(alg + " private d");
        String pem = key.get("privateKeyPem").asText();
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        secrets.put(alg + " PEM body", body);
        secretBytes.put(alg + " PKCS#8 DER", Base64.getDecoder().decode(body));
        List<String> lines = pem.lines().filter(line -> line.length() == 64).toList();
        for (int i = 0; i < lines.size(); i++) {
            secrets.put(alg + " PEM line " + i, lines.get(i));
        }
        return key;
    }

    /** A private-key JWT client assertion at the token endpoint: both it and the access token are secrets. */
    private void obtainAccessToken(OrgAdmin org, String app, JsonNode rsa) throws Exception {
        RSAKey key = RSAKey.parse(rsa.get("privateJwk").toString());
        Instant now = Instant.now();
        SignedJWT assertion = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.get("kid").asText()).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer(app).subject(app).audience(org.issuer() + "/oauth2/v1/token")
                        .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(300))).build());
        assertion.sign(new RSASSASigner(key));
        String jws = assertion.serialize();
        HttpResponse<String> response = http.postForm("/orgs/" + org.slug() + "/oauth2/v1/token",
                "grant_type=client_credentials&scope=okta.workflows.invoke.manage"
                        + "&client_assertion_type=" + URLEncoder.encode(
                                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                        + "&client_assertion=" + jws);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        secrets.put("client assertion", jws);
        secrets.put("client assertion signature", jws.substring(jws.lastIndexOf('.') + 1));
        String accessToken = json(response).get("access_token").asText();
        secrets.put("access token", accessToken);
        secrets.put("access token signature", accessToken.substring(accessToken.lastIndexOf('.') + 1));
    }

    private static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    /** Every value of every text-like and binary column of the schema, with where it came from. */
    private record Dump(List<String[]> text, List<byte[]> binary) {

        boolean containsText(String value) {
            return !whereText(value).isEmpty();
        }

        List<String> whereText(String value) {
            return text.stream().filter(cell -> cell[1].contains(value)).map(cell -> cell[0]).toList();
        }

        boolean containsBytes(byte[] value) {
            return binary.stream().anyMatch(cell -> indexOf(cell, value) >= 0);
        }

        private static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    private Dump dumpEveryColumn() throws SQLException {
        List<String[]> text = new ArrayList<>();
        List<byte[]> binary = new ArrayList<>();
        try (Connection connection = node.database().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("""
                    select table_name, column_name, data_type from information_schema.columns
                    where table_schema = 'public' order by table_name, ordinal_position""")) {
                while (result.next()) {
                    columns.add(new String[] {result.getString(1), result.getString(2), result.getString(3)});
                }
            }
            assertThat(columns).extracting(column -> column[0]).contains("flows", "admin_tokens", "signing_keys");
            for (String[] column : columns) {
                String where = column[0] + "." + column[1];
                boolean bytes = column[2].equals("bytea");
                try (ResultSet result = statement.executeQuery(
                        "select \"" + column[1] + "\"" + (bytes ? "" : "::text") + " from \"" + column[0] + "\"")) {
                    while (result.next()) {
                        if (bytes) {
                            binary.add(result.getBytes(1));
                        } else if (result.getString(1) != null) {
                            text.add(new String[] {where, result.getString(1)});
                        }
                    }
                }
            }
            connection.rollback();
        }
        return new Dump(text, binary);
    }
}
