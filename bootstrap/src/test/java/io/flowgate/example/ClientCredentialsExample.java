package io.flowgate.example;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Gets an access token from a Flowgate org: a client assertion (RFC 7523) signed with the app's
 * private key, exchanged at the org's token endpoint for the client credentials grant.
 * Needs only the JDK and nimbus-jose-jwt.
 */
public final class ClientCredentialsExample {

    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /**
     * FLOWGATE_ISSUER (like https://flowgate.example.com/orgs/acme), CLIENT_ID and KEY_ID (the key's kid)
     * come from the admin API; PRIVATE_KEY_PEM names the file saved from privateKeyPem when the key was
     * generated.
     */
    public static void main(String[] args) throws Exception {
        PrivateKey key = readPkcs8Pem(Files.readString(Path.of(System.getenv("PRIVATE_KEY_PEM"))));
        System.out.println(fetchAccessToken(System.getenv("FLOWGATE_ISSUER"), System.getenv("CLIENT_ID"),
                System.getenv("KEY_ID"), key));
    }

    public static String fetchAccessToken(String issuer, String clientId, String kid, PrivateKey rsaKey)
            throws IOException, InterruptedException, JOSEException, ParseException {
        URI tokenEndpoint = URI.create(issuer + "/oauth2/v1/token");
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(clientId)                                   // iss = sub = the app's client id
                .subject(clientId)
                .audience(tokenEndpoint.toString())                 // the token endpoint (or the issuer)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))    // at most one hour ahead
                .jwtID(UUID.randomUUID().toString())                // a new one for every request
                .build();
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
        assertion.sign(new RSASSASigner(rsaKey));

        String form = "grant_type=client_credentials"
                + "&scope=" + encode("okta.workflows.invoke.manage")
                + "&client_assertion_type=" + encode(JWT_BEARER)
                + "&client_assertion=" + encode(assertion.serialize());
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Map<String, Object> body = JSONObjectUtils.parse(response.body());
        if (response.statusCode() != 200) {
            throw new IOException("token request refused (" + response.statusCode() + "): " + body.get("error")
                    + ": " + body.get("error_description"));
        }
        return (String) body.get("access_token");
    }

    /** Reads the PKCS#8 PEM that Flowgate shows once, as privateKeyPem, when it generates an RSA key. */
    public static PrivateKey readPkcs8Pem(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
