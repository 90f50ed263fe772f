package io.flowgate.adapter.out.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.flowgate.domain.key.JwsAlgorithm;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Set;

/**
 * Signs and verifies JWTs with real keys for the tests. Ed25519 goes through the JDK's own provider:
 * nimbus's Ed25519Signer and Ed25519Verifier need Google Tink, which Flowgate does not ship.
 */
final class TestJws {

    private TestJws() {
    }

    static String sign(JwsAlgorithm algorithm, JWK privateJwk) throws Exception {
        JWSSigner signer = switch (privateJwk.getKeyType().getValue()) {
            case "RSA" -> new RSASSASigner(privateJwk.toRSAKey());
            case "EC" -> new ECDSASigner(privateJwk.toECKey());
            default -> new JdkEd25519Signer(ed25519PrivateKey(privateJwk.toOctetKeyPair().getDecodedD()));
        };
        return sign(algorithm, signer);
    }

    static String sign(JwsAlgorithm algorithm, PrivateKey key) throws Exception {
        JWSSigner signer = switch (key.getAlgorithm()) {
            case "RSA" -> new RSASSASigner(key);
            case "EC" -> new ECDSASigner((ECPrivateKey) key);
            default -> new JdkEd25519Signer(key);
        };
        return sign(algorithm, signer);
    }

    static boolean verifies(String jwt, JWK publicJwk) throws Exception {
        KeyType type = publicJwk.getKeyType();
        JWSVerifier verifier = KeyType.RSA.equals(type) ? new RSASSAVerifier(publicJwk.toRSAKey())
                : KeyType.EC.equals(type) ? new ECDSAVerifier(publicJwk.toECKey())
                : new JdkEd25519Verifier(ed25519PublicKey(publicJwk.toOctetKeyPair().getDecodedX()));
        return JWSObject.parse(jwt).verify(verifier);
    }

    static PrivateKey ed25519PrivateKey(byte[] seed) throws GeneralSecurityException {
        EdECPrivateKeySpec spec = new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed);
        return KeyFactory.getInstance("Ed25519").generatePrivate(spec);
    }

    /** Decodes the raw key as RFC 8032 §5.1.3 lays it out: y little-endian, x's parity in the top bit. */
    static PublicKey ed25519PublicKey(byte[] raw) throws GeneralSecurityException {
        byte[] bigEndian = new byte[raw.length];
        for (int i = 0; i < raw.length; i++) {
            bigEndian[i] = raw[raw.length - 1 - i];
        }
        boolean xOdd = (bigEndian[0] & 0x80) != 0;
        bigEndian[0] &= 0x7F;
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndian));
        EdECPublicKeySpec spec = new EdECPublicKeySpec(NamedParameterSpec.ED25519, point);
        return KeyFactory.getInstance("Ed25519").generatePublic(spec);
    }

    private static String sign(JwsAlgorithm algorithm, JWSSigner signer) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("client-1").subject("client-1").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.parse(algorithm.name())), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private record JdkEd25519Signer(PrivateKey key) implements JWSSigner {

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            try {
                Signature ed25519 = Signature.getInstance("Ed25519");
                ed25519.initSign(key);
                ed25519.update(signingInput);
                return Base64URL.encode(ed25519.sign());
            } catch (GeneralSecurityException e) {
                throw new JOSEException(e.getMessage(), e);
            }
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA);
        }

        @Override
        public JCAContext getJCAContext() {
            return new JCAContext();
        }
    }

    private record JdkEd25519Verifier(PublicKey key) implements JWSVerifier {

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            try {
                Signature ed25519 = Signature.getInstance("Ed25519");
                ed25519.initVerify(key);
                ed25519.update(signingInput);
                return JWSAlgorithm.EdDSA.equals(header.getAlgorithm()) && ed25519.verify(signature.decode());
            } catch (GeneralSecurityException e) {
                throw new JOSEException(e.getMessage(), e);
            }
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA);
        }

        @Override
        public JCAContext getJCAContext() {
            return new JCAContext();
        }
    }
}
