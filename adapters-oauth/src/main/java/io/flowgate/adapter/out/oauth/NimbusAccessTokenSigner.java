package io.flowgate.adapter.out.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.flowgate.application.port.out.AccessTokenSigner;
import io.flowgate.domain.key.SigningKey;
import io.flowgate.domain.key.SigningKeyId;
import io.flowgate.domain.scope.ScopeName;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.text.ParseException;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs RFC 9068 access tokens. A signing key's private half is decrypted once and its signer kept:
 * decryption and key parsing would otherwise cost more than the signature on every token. So is
 * the key's token header, encoded: every token of a key has the same one.
 */
public final class NimbusAccessTokenSigner implements AccessTokenSigner {

    static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");

    private final AesGcmKeyEncryption encryption;
    private final CryptoProvider crypto;
    private final Map<SigningKeyId, KeySigner> signers = new ConcurrentHashMap<>();

    private record KeySigner(JWSSigner signer, JWSHeader header) {
    }

    public NimbusAccessTokenSigner(AesGcmKeyEncryption encryption, CryptoProvider crypto) {
        this.encryption = encryption;
        this.crypto = crypto;
    }

    @Override
    public String sign(SigningKey key, AccessTokenClaims claims) {
        KeySigner keySigner = signers.computeIfAbsent(key.id(), id -> keySigner(key));
        JWTClaimsSet body = new JWTClaimsSet.Builder()
                .claim("ver", 1)
                .jwtID(claims.jwtId())
                .issuer(claims.issuer())
                .audience(claims.issuer())
                .subject(claims.clientId().value())
                .claim("cid", claims.clientId().value())
                .claim("scp", claims.scopes().stream().map(ScopeName::value).toList())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .build();
        SignedJWT token = new SignedJWT(keySigner.header(), body);
        try {
            token.sign(keySigner.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing an access token failed", e);
        }
        return token.serialize();
    }

    private KeySigner keySigner(SigningKey key) {
        try {
            JWK jwk = JWK.parse(new String(encryption.decrypt(key.encryptedPrivateKey()), StandardCharsets.UTF_8));
            JWSSigner signer = switch (key.algorithm().keyType()) {
                case RSA -> crypto.configure(new RSASSASigner(crypto.own(jwk.toRSAKey().toPrivateKey(), PrivateKey.class)));
                case EC -> crypto.configure(new ECDSASigner(crypto.own(jwk.toECKey().toPrivateKey(), PrivateKey.class),
                        jwk.toECKey().getCurve()));
                case OKP -> JdkEd25519.signer(jwk.toOctetKeyPair(), crypto);
            };
            JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.parse(key.algorithm().name()))
                    .type(ACCESS_TOKEN_TYPE)
                    .keyID(key.kid().value())
                    .build();
            // A header parsed from its encoding keeps that encoding; one built is serialized anew for each use.
            return new KeySigner(signer, JWSHeader.parse(header.toBase64URL()));
        } catch (ParseException | JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + key.kid() + " cannot be loaded", e);
        }
    }
}
