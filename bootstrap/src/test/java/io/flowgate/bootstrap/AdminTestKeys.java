package io.flowgate.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Real key pairs from the JDK, as JWKs, for the key upload and generation tests. */
final class AdminTestKeys {

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw 32-byte key follows. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private AdminTestKeys() {
    }

    static RSAKey rsa(int bits) {
        KeyPair pair = pair("RSA", generator -> generator.initialize(bits));
        return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate()).build();
    }

    static ECKey ecP256() {
        KeyPair pair = pair("EC", generator -> generator.initialize(new ECGenParameterSpec("secp256r1")));
        return new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
                .privateKey((ECPrivateKey) pair.getPrivate())
                .build();
    }

    static OctetKeyPair ed25519() {
        return okp("Ed25519", Curve.Ed25519, 32);
    }

    /** A real signing key on a curve Flowgate does not take. */
    static OctetKeyPair ed448() {
        return okp("Ed448", Curve.Ed448, 57);
    }

    static OctetSequenceKey symmetric() {
        try {
            return new OctetSequenceKeyGenerator(256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK as JSON text, optionally with a kid of the test's choosing. */
    static String publicJson(JWK key, String kid) {
        JWK pub = key.toPublicJWK();
        Map<String, Object> json = pub.toJSONObject();
        if (kid != null) {
            json.put("kid", kid);
        }
        return JSONObjectUtils.toJSONString(json);
    }

    /**
     * The RFC 7638 thumbprint, computed here from its definition rather than by the library the
     * server uses: SHA-256 over the required members in lexicographic order, without whitespace.
     */
    static String thumbprint(JWK key) {
        Map<String, Object> json = key.toPublicJWK().toJSONObject();
        List<String> required = switch (key.getKeyType().getValue()) {
            case "RSA" -> List.of("e", "kty", "n");
            case "EC" -> List.of("crv", "kty", "x", "y");
            case "OKP" -> List.of("crv", "kty", "x");
            default -> throw new IllegalArgumentException(key.getKeyType().getValue());
        };
        String canonical = required.stream()
                .map(member -> "\"" + member + "\":\"" + json.get(member) + "\"")
                .collect(Collectors.joining(",", "{", "}"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a PKCS#8 PEM as the JDK does, so a malformed or mislabelled one fails here. */
    static PrivateKey fromPem(String pem, String jdkAlgorithm) {
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(jdkAlgorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("not a PKCS#8 " + jdkAlgorithm + " key", e);
        }
    }

    /** The Java public key of a public JWK as the admin API shows it. */
    static PublicKey publicKeyOf(JsonNode jwk) {
        try {
            return switch (jwk.get("kty").asText()) {
                case "RSA" -> RSAKey.parse(jwk.toString()).toRSAPublicKey();
                case "EC" -> ECKey.parse(jwk.toString()).toECPublicKey();
                case "OKP" -> KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                        concat(ED25519_SPKI_PREFIX, Base64URL.from(jwk.get("x").asText()).decode())));
                default -> throw new AssertionError("unexpected kty in " + jwk);
            };
        } catch (ParseException | JOSEException | GeneralSecurityException e) {
            throw new AssertionError("not a public JWK: " + jwk, e);
        }
    }

    /** Signs with the private key and verifies with the public one: true only if they are one pair. */
    static boolean signatureVerifies(PrivateKey privateKey, PublicKey publicKey, String jdkSignature) {
        byte[] message = "flowgate end-to-end".getBytes(StandardCharsets.UTF_8);
        try {
            Signature signer = Signature.getInstance(jdkSignature);
            signer.initSign(privateKey);
            signer.update(message);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(jdkSignature);
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static OctetKeyPair okp(String jdkName, Curve curve, int publicKeyBytes) {
        KeyPair pair = pair(jdkName, generator -> { });
        byte[] spki = pair.getPublic().getEncoded();
        byte[] x = Arrays.copyOfRange(spki, spki.length - publicKeyBytes, spki.length);
        byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
        return new OctetKeyPair.Builder(curve, Base64URL.encode(x)).d(Base64URL.encode(seed)).build();
    }

    private interface Init {
        void apply(KeyPairGenerator generator) throws GeneralSecurityException;
    }

    private static KeyPair pair(String algorithm, Init init) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            init.apply(generator);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
