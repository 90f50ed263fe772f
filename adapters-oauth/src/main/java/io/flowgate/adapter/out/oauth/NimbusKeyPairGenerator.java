package io.flowgate.adapter.out.oauth;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.flowgate.application.port.out.KeyPairGenerator;
import io.flowgate.application.port.out.ParsedPublicKey;
import io.flowgate.application.port.out.PublicKeyParser;
import io.flowgate.domain.key.JwsAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * Key pairs from the JDK's own providers, described as JWKs with nimbus. The public half goes
 * through {@link NimbusPublicKeyParser} so a generated key is stored exactly like an uploaded one.
 */
public final class NimbusKeyPairGenerator implements KeyPairGenerator {

    private static final int RSA_BITS = 2048;
    /** An Ed25519 SubjectPublicKeyInfo (RFC 8410) ends with the raw 32-byte key a JWK carries in x. */
    private static final int ED25519_KEY_BYTES = 32;

    private final PublicKeyParser parser = new NimbusPublicKeyParser();

    @Override
    public GeneratedKeyPair generate(JwsAlgorithm algorithm) {
        KeyPair pair = jdkKeyPair(algorithm);
        JWK privateJwk = toJwk(pair, algorithm);

        Map<String, Object> publicJson = privateJwk.toPublicJWK().toJSONObject();
        publicJson.put("alg", algorithm.name());
        ParsedPublicKey publicKey = parser.parse(JSONObjectUtils.toJSONString(publicJson));

        Map<String, Object> privateJson = privateJwk.toJSONObject();
        privateJson.put("kid", publicKey.kid().value());
        privateJson.put("alg", algorithm.name());
        privateJson.put("use", "sig");
        return new GeneratedKeyPair(publicKey, JSONObjectUtils.toJSONString(privateJson), pem(pair));
    }

    private static KeyPair jdkKeyPair(JwsAlgorithm algorithm) {
        try {
            java.security.KeyPairGenerator generator = switch (algorithm.keyType()) {
                case RSA -> initialized("RSA", new RSAKeyGenParameterSpec(RSA_BITS, RSAKeyGenParameterSpec.F4));
                case EC -> initialized("EC", new ECGenParameterSpec(curve(algorithm).getStdName()));
                case OKP -> java.security.KeyPairGenerator.getInstance("Ed25519");
            };
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Java 17 platforms support RSA, the NIST curves and Ed25519", e);
        }
    }

    private static java.security.KeyPairGenerator initialized(String type, AlgorithmParameterSpec spec)
            throws GeneralSecurityException {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance(type);
        generator.initialize(spec);
        return generator;
    }

    private static Curve curve(JwsAlgorithm algorithm) {
        return switch (algorithm) {
            case ES256 -> Curve.P_256;
            case ES384 -> Curve.P_384;
            case ES512 -> Curve.P_521;
            default -> throw new IllegalArgumentException(algorithm + " is not an EC algorithm");
        };
    }

    private static JWK toJwk(KeyPair pair, JwsAlgorithm algorithm) {
        return switch (algorithm.keyType()) {
            case RSA -> new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .build();
            case EC -> new ECKey.Builder(curve(algorithm), (ECPublicKey) pair.getPublic())
                    .privateKey((ECPrivateKey) pair.getPrivate())
                    .build();
            // nimbus's own Ed25519 generator needs Google Tink; the JDK key's raw bytes are all a JWK needs.
            case OKP -> {
                byte[] spki = pair.getPublic().getEncoded();
                byte[] x = Arrays.copyOfRange(spki, spki.length - ED25519_KEY_BYTES, spki.length);
                byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
                yield new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).d(Base64URL.encode(seed)).build();
            }
        };
    }

    /** PKCS#8, as the JDK encodes every private key, in the PEM layout of RFC 7468. */
    private static String pem(KeyPair pair) {
        Base64.Encoder lines = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        return "-----BEGIN PRIVATE KEY-----\n"
                + lines.encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
