package io.flowgate.adapter.out.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.flowgate.application.port.out.AccessTokenSigner.AccessTokenClaims;
import io.flowgate.application.port.out.AccessTokenVerifier;
import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.key.SigningKey;
import io.flowgate.domain.key.SigningKeyId;
import io.flowgate.domain.scope.ScopeName;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Verifies access tokens this server signed: RFC 9068 format, one of the org's verifying keys. */
public final class NimbusAccessTokenVerifier implements AccessTokenVerifier {

    private final Map<SigningKeyId, JWSVerifier> verifiers = new ConcurrentHashMap<>();
    private final CryptoProvider crypto;

    public NimbusAccessTokenVerifier(CryptoProvider crypto) {
        this.crypto = crypto;
    }

    @Override
    public Optional<AccessTokenClaims> verify(String token, List<SigningKey> keys, String issuer) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!NimbusAccessTokenSigner.ACCESS_TOKEN_TYPE.equals(header.getType()) || header.getKeyID() == null) {
                return Optional.empty();
            }
            Optional<SigningKey> key = keys.stream()
                    .filter(candidate -> candidate.kid().value().equals(header.getKeyID()))
                    .filter(candidate -> candidate.algorithm().name().equals(header.getAlgorithm().getName()))
                    .findFirst();
            if (key.isEmpty() || !jwt.verify(verifiers.computeIfAbsent(key.get().id(), id -> verifier(key.get())))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer()) || !List.of(issuer).equals(claims.getAudience())
                    || claims.getJWTID() == null || claims.getIssueTime() == null || claims.getExpirationTime() == null
                    || claims.getStringClaim("cid") == null || claims.getStringListClaim("scp") == null) {
                return Optional.empty();
            }
            return Optional.of(new AccessTokenClaims(claims.getJWTID(), issuer,
                    new AppId(claims.getStringClaim("cid")),
                    claims.getStringListClaim("scp").stream().map(ScopeName::new).toList(),
                    claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()));
        } catch (ParseException | JOSEException | InvalidValue | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private JWSVerifier verifier(SigningKey key) {
        try {
            JWK jwk = JWK.parse(key.publicJwk());
            return switch (key.algorithm().keyType()) {
                case RSA -> crypto.configure(new RSASSAVerifier(crypto.own(jwk.toRSAKey().toRSAPublicKey(),
                        RSAPublicKey.class)));
                case EC -> crypto.configure(new ECDSAVerifier(crypto.own(jwk.toECKey().toECPublicKey(),
                        ECPublicKey.class)));
                case OKP -> JdkEd25519.verifier(jwk.toOctetKeyPair(), crypto);
            };
        } catch (ParseException | JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + key.kid() + " cannot be loaded", e);
        }
    }
}
