package io.flowgate.adapter.out.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.flowgate.application.port.out.ParsedPublicKey;
import io.flowgate.application.port.out.PublicKeyParser;
import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.KeyType;
import io.flowgate.domain.key.Kid;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an uploaded JWK member by member, so each refusal names the member at fault, then lets
 * nimbus build the key from its public members alone: anything else the upload carried
 * ({@code x5c}, {@code jku}, ...) is neither trusted nor stored. Messages never repeat the input.
 */
public final class NimbusPublicKeyParser implements PublicKeyParser {

    /** The private members of RSA, EC and OKP keys, and {@code k}, the secret of a symmetric key. */
    private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");
    private static final Map<String, JwsAlgorithm> EC_CURVES =
            Map.of("P-256", JwsAlgorithm.ES256, "P-384", JwsAlgorithm.ES384, "P-521", JwsAlgorithm.ES512);
    private static final Map<String, JwsAlgorithm> OKP_CURVES = Map.of("Ed25519", JwsAlgorithm.EdDSA);
    private static final int MIN_RSA_BITS = 2048;
    private static final int ED25519_KEY_BYTES = 32;

    @Override
    public ParsedPublicKey parse(String jwkJson) {
        Map<String, Object> json = jsonObject(jwkJson);
        KeyType keyType = keyType(json);
        for (String member : PRIVATE_MEMBERS) {
            if (json.containsKey(member)) {
                throw new InvalidValue(member, "a JWK with private members is refused: upload only the public key");
            }
        }
        requireSignatureUse(json);
        JwsAlgorithm implied = switch (keyType) {
            case RSA -> JwsAlgorithm.RS256;
            case EC -> impliedByCurve(json, EC_CURVES, "P-256, P-384 or P-521 for an EC key");
            case OKP -> impliedByCurve(json, OKP_CURVES, "Ed25519 for an OKP key");
        };
        Map<String, Object> publicMembers = publicMembers(json, keyType);
        JWK jwk = validKey(publicMembers, keyType);
        JwsAlgorithm algorithm = algorithm(json, keyType, implied);
        Kid kid = json.containsKey("kid") ? new Kid(string(json, "kid")) : new Kid(thumbprint(jwk));

        Map<String, Object> stored = new LinkedHashMap<>(publicMembers);
        stored.put("kid", kid.value());
        stored.put("alg", algorithm.name());
        stored.put("use", "sig");
        return new ParsedPublicKey(kid, keyType, algorithm, JSONObjectUtils.toJSONString(stored));
    }

    private static Map<String, Object> jsonObject(String text) {
        try {
            // The JSON reader underneath would also take an array of [name, value] pairs for an object.
            if (text != null && text.strip().startsWith("{")) {
                return JSONObjectUtils.parse(text);
            }
        } catch (ParseException e) {
            // falls through to the refusal below; the parser's message may quote the input
        }
        throw new InvalidValue("", "the key must be a JWK: a JSON object with kty and the public key members");
    }

    private static KeyType keyType(Map<String, Object> json) {
        Object kty = json.get("kty");
        if ("oct".equals(kty)) {
            throw new InvalidValue("kty", "a symmetric key (kty oct) is refused: upload a public RSA, EC or OKP key");
        }
        for (KeyType type : KeyType.values()) {
            if (type.name().equals(kty)) {
                return type;
            }
        }
        throw new InvalidValue("kty", "kty must be RSA, EC or OKP");
    }

    /** The key only ever verifies client signatures, so it may not declare any other purpose. */
    private static void requireSignatureUse(Map<String, Object> json) {
        if (json.containsKey("use") && !"sig".equals(json.get("use"))) {
            throw new InvalidValue("use", "use must be sig: the key verifies client signatures");
        }
        if (json.containsKey("key_ops")
                && !(json.get("key_ops") instanceof List<?> ops && !ops.isEmpty()
                        && ops.stream().allMatch("verify"::equals))) {
            throw new InvalidValue("key_ops", "key_ops must be [\"verify\"]: the key verifies client signatures");
        }
    }

    private static JwsAlgorithm impliedByCurve(
            Map<String, Object> json, Map<String, JwsAlgorithm> curves, String allowed) {
        JwsAlgorithm algorithm = json.get("crv") instanceof String crv ? curves.get(crv) : null;
        if (algorithm == null) {
            throw new InvalidValue("crv", "crv must be " + allowed);
        }
        return algorithm;
    }

    /** The members RFC 7638 hashes for a thumbprint: exactly what defines the public key. */
    private static Map<String, Object> publicMembers(Map<String, Object> json, KeyType keyType) {
        List<String> names = switch (keyType) {
            case RSA -> List.of("n", "e");
            case EC -> List.of("crv", "x", "y");
            case OKP -> List.of("crv", "x");
        };
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("kty", keyType.name());
        for (String name : names) {
            members.put(name, string(json, name));
        }
        return members;
    }

    private static JWK validKey(Map<String, Object> publicMembers, KeyType keyType) {
        JWK jwk;
        try {
            jwk = JWK.parse(publicMembers);
            // Nimbus refuses an EC point off its curve while parsing. Building the Java key also brings
            // the JDK's own checks, such as an RSA exponent of at least 3 (nimbus builds none for OKP).
            if (keyType != KeyType.OKP) {
                ((AsymmetricJWK) jwk).toPublicKey();
            }
        } catch (ParseException | JOSEException e) {
            throw new InvalidValue("", "the members of this " + keyType + " key do not form a valid public key");
        }
        if (keyType == KeyType.RSA) {
            int bits = jwk.toRSAKey().getModulus().decodeToBigInteger().bitLength();
            if (bits < MIN_RSA_BITS) {
                throw new InvalidValue("n", "the RSA modulus has " + bits + " bits; at least 2048 are required");
            }
        }
        if (keyType == KeyType.OKP && jwk.toOctetKeyPair().getDecodedX().length != ED25519_KEY_BYTES) {
            throw new InvalidValue("x", "x must be the 32-byte Ed25519 public key, base64url-encoded");
        }
        return jwk;
    }

    private static JwsAlgorithm algorithm(Map<String, Object> json, KeyType keyType, JwsAlgorithm implied) {
        if (!json.containsKey("alg")) {
            return implied;
        }
        JwsAlgorithm algorithm = JwsAlgorithm.fromJoseName(string(json, "alg"));
        boolean fits = keyType == KeyType.RSA ? algorithm.keyType() == KeyType.RSA : algorithm == implied;
        if (!fits) {
            String usable = keyType == KeyType.RSA ? "RS256/384/512 or PS256/384/512" : implied.name();
            throw new InvalidValue("alg", "alg does not fit this key: it signs with " + usable);
        }
        return algorithm;
    }

    private static String thumbprint(JWK jwk) {
        try {
            return jwk.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String string(Map<String, Object> json, String member) {
        if (json.get(member) instanceof String value) {
            return value;
        }
        throw new InvalidValue(member, member + (json.containsKey(member) ? " must be a string" : " is missing"));
    }
}
