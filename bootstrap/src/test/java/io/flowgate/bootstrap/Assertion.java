package io.flowgate.bootstrap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A client assertion (RFC 7523) as a client builds it, valid by default — {@code iss} = {@code sub}
 * = the client id, {@code aud} the token endpoint, {@code iat} now, {@code exp} in five minutes, a
 * fresh {@code jti}, signed with the app's key and naming its {@code kid} — with one thing changed
 * per refusal test.
 */
final class Assertion {

    private JWSAlgorithm algorithm;
    private String kid;
    private JWSSigner signer;
    private final Map<String, Object> headerParams = new LinkedHashMap<>();
    private Set<String> critical;
    private final Map<String, Object> claims = new LinkedHashMap<>();

    Assertion(String clientId, String audience, ApiClient.Key key) {
        signedWith(key);
        Instant now = Instant.now();
        claims.put("iss", clientId);
        claims.put("sub", clientId);
        claims.put("aud", audience);
        claims.put("iat", now);
        claims.put("exp", now.plusSeconds(300));
        claims.put("jti", UUID.randomUUID().toString());
    }

    /** Signs with this key's algorithm and names its kid. */
    Assertion signedWith(ApiClient.Key key) {
        JWK jwk = key.privateJwk();
        this.algorithm = JWSAlgorithm.parse(jwk.getAlgorithm().getName());
        this.kid = key.kid();
        this.signer = signer(jwk);
        return this;
    }

    /** Signs with another signer and algorithm, keeping the kid. */
    Assertion signedWith(JWSAlgorithm algorithm, JWSSigner signer) {
        this.algorithm = algorithm;
        this.signer = signer;
        return this;
    }

    /** The kid in the header; null leaves it out. */
    Assertion kid(String kid) {
        this.kid = kid;
        return this;
    }

    Assertion header(String name, Object value) {
        headerParams.put(name, value);
        return this;
    }

    Assertion critical(Set<String> names) {
        this.critical = names;
        return this;
    }

    /** Sets a claim; an {@link Instant} becomes seconds since the epoch, null removes the claim. */
    Assertion claim(String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    Assertion without(String claim) {
        return claim(claim, null);
    }

    String jti() {
        return (String) claims.get("jti");
    }

    String sign() {
        JWSHeader.Builder header = new JWSHeader.Builder(algorithm).keyID(kid).customParams(headerParams);
        if (critical != null) {
            header.criticalParams(critical);
        }
        JWTClaimsSet.Builder body = new JWTClaimsSet.Builder();
        claims.forEach((name, value) -> body.claim(name, value instanceof Instant instant ? Date.from(instant) : value));
        SignedJWT jwt = new SignedJWT(header.build(), body.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("the test could not sign its assertion", e);
        }
        return jwt.serialize();
    }

    static JWSSigner signer(JWK privateJwk) {
        try {
            KeyType type = privateJwk.getKeyType();
            if (KeyType.RSA.equals(type)) {
                return new RSASSASigner(privateJwk.toRSAKey());
            }
            if (KeyType.EC.equals(type)) {
                return new ECDSASigner(privateJwk.toECKey());
            }
            return JdkEd25519Signer.of(privateJwk.toOctetKeyPair());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
