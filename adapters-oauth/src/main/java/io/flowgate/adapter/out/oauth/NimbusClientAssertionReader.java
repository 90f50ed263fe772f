package io.flowgate.adapter.out.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.flowgate.application.port.out.ClientAssertionReader;
import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.key.AppKey;
import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.Kid;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client assertions with nimbus-jose-jwt. Only the compact JWS form with an asymmetric algorithm is
 * read; the verifying key is always the app's registered key, never one named in the header.
 */
public final class NimbusClientAssertionReader implements ClientAssertionReader {

    private static final String ALGORITHMS = Arrays.toString(JwsAlgorithm.values());

    /** Past this many keys the verifier cache starts over. */
    private static final int MAX_VERIFIERS = 10_000;

    private final CryptoProvider crypto;
    /**
     * Verifiers by the public JWK's text and the algorithm: parsing the JWK and importing the key
     * would otherwise cost more than the signature check. Keyed by content, an entry can never be
     * stale: a key that changes is another key.
     */
    private final Map<VerifierKey, Optional<JWSVerifier>> verifiers = new ConcurrentHashMap<>();

    private record VerifierKey(String publicJwk, JwsAlgorithm algorithm) {
    }

    public NimbusClientAssertionReader(CryptoProvider crypto) {
        this.crypto = crypto;
    }

    @Override
    public ClientAssertion read(String compactJws) {
        long dots = compactJws.chars().filter(c -> c == '.').count();
        if (dots == 4) {
            throw new Unreadable("encrypted assertions (JWE) are not accepted: send a signed JWT (JWS)");
        }
        if (dots != 2) {
            throw new Unreadable("client_assertion must be a JWT in JWS compact serialization");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(compactJws);
        } catch (ParseException e) {
            throw new Unreadable("client_assertion is not a well-formed JWT");
        }
        if (jwt instanceof PlainJWT) {
            throw new Unreadable("unsecured JWTs (alg none) are not accepted: sign the assertion with the app's key");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new Unreadable("client_assertion must be a signed JWT");
        }
        JWSHeader header = signed.getHeader();
        JwsAlgorithm algorithm;
        try {
            algorithm = JwsAlgorithm.fromJoseName(header.getAlgorithm().getName());
        } catch (InvalidValue e) {
            throw new Unreadable("the assertion's alg is not accepted: use one of " + ALGORITHMS);
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new Unreadable("the assertion's header marks parameters as critical (crit) that this server does"
                    + " not understand");
        }
        try {
            JWTClaimsSet claims = signed.getJWTClaimsSet();
            return new ClientAssertion(compactJws, algorithm, kid(header), Optional.ofNullable(claims.getStringClaim("iss")),
                    Optional.ofNullable(claims.getStringClaim("sub")), audience(claims),
                    instant(claims.getDateClaim("exp")), instant(claims.getDateClaim("iat")),
                    instant(claims.getDateClaim("nbf")), Optional.ofNullable(claims.getStringClaim("jti")));
        } catch (ParseException e) {
            throw new Unreadable("the assertion's claims are not a valid JWT claims set (iss, sub, jti are strings;"
                    + " exp, iat, nbf are numbers of seconds; aud is a string or a list of strings)");
        }
    }

    @Override
    public boolean signatureVerifies(ClientAssertion assertion, AppKey key) {
        if (assertion.algorithm().keyType() != key.keyType()) {
            return false;
        }
        if (verifiers.size() >= MAX_VERIFIERS) {
            verifiers.clear();
        }
        Optional<JWSVerifier> verifier = verifiers.computeIfAbsent(
                new VerifierKey(key.publicJwk(), assertion.algorithm()), this::verifier);
        if (verifier.isEmpty()) {
            return false;
        }
        // read() has checked the header (its alg is the assertion's, it has no crit), so the
        // signature is checked over the text as sent rather than parsing the JWS a second time.
        String jws = assertion.compactJws();
        int signatureStart = jws.lastIndexOf('.') + 1;
        try {
            return verifier.get().verify(new JWSHeader(JWSAlgorithm.parse(assertion.algorithm().name())),
                    jws.substring(0, signatureStart - 1).getBytes(StandardCharsets.UTF_8),
                    new Base64URL(jws.substring(signatureStart)));
        } catch (JOSEException e) {
            return false;
        }
    }

    /** A verifier for the key, or none when the key cannot verify that algorithm. */
    private Optional<JWSVerifier> verifier(VerifierKey key) {
        try {
            JWK jwk = JWK.parse(key.publicJwk());
            return Optional.ofNullable(switch (jwk.getKeyType().getValue()) {
                case "RSA" -> crypto.configure(new RSASSAVerifier(crypto.own(jwk.toRSAKey().toRSAPublicKey(),
                        RSAPublicKey.class)));
                case "EC" -> ecVerifier(jwk.toECKey(), key.algorithm());
                case "OKP" -> JdkEd25519.verifier(jwk.toOctetKeyPair(), crypto);
                default -> null;
            });
        } catch (ParseException | JOSEException | GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    /** ES256 goes with P-256 only, and so on: a signature made for another curve never verifies. */
    private JWSVerifier ecVerifier(ECKey key, JwsAlgorithm algorithm) throws JOSEException, GeneralSecurityException {
        boolean fits = Curve.forJWSAlgorithm(JWSAlgorithm.parse(algorithm.name()))
                .contains(key.getCurve());
        return fits ? crypto.configure(new ECDSAVerifier(crypto.own(key.toECPublicKey(), ECPublicKey.class))) : null;
    }

    private static Optional<Kid> kid(JWSHeader header) {
        if (header.getKeyID() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Kid(header.getKeyID()));
        } catch (InvalidValue e) {
            throw new Unreadable("the assertion's kid is not a valid key id");
        }
    }

    private static List<String> audience(JWTClaimsSet claims) throws ParseException {
        Object aud = claims.getClaim("aud");
        if (aud == null) {
            return List.of();
        }
        if (aud instanceof String single) {
            return List.of(single);
        }
        List<String> list = claims.getStringListClaim("aud");
        if (list == null) {
            return List.of();
        }
        // A JSON null in the list is no audience: refused here as malformed, not met in a comparison later.
        if (list.contains(null)) {
            throw new ParseException("aud holds null", 0);
        }
        return List.copyOf(list);
    }

    private static Optional<Instant> instant(Date date) {
        return Optional.ofNullable(date).map(Date::toInstant);
    }
}
