package io.flowgate.adapter.out.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.flowgate.application.port.out.ParsedPublicKey;
import io.flowgate.domain.InvalidValue;
import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.KeyType;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NimbusPublicKeyParserTest {

    /** RFC 7638 §3.1: the example key and, below, its published SHA-256 thumbprint. */
    private static final String RFC7638_KEY = "{\"kty\":\"RSA\",\"n\":\""
            + "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJE"
            + "CPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2Q"
            + "vzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6"
            + "WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"
            + "\",\"e\":\"AQAB\",\"alg\":\"RS256\",\"kid\":\"2011-04-29\"}";
    private static final String RFC7638_THUMBPRINT = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";
    /** RFC 8037 appendix A.3: the thumbprint of its example Ed25519 key. */
    private static final String RFC8037_THUMBPRINT = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";

    private static final RSAKey RSA = rsa(2048);
    private static final ECKey P256 = ec(Curve.P_256);
    private static final ECKey P384 = ec(Curve.P_384);
    private static final ECKey P521 = ec(Curve.P_521);
    private static final JWK ED25519 = TestJwsTest.RFC8037_KEY;

    private final NimbusPublicKeyParser parser = new NimbusPublicKeyParser();

    @Test
    void rfc7638ExampleWithoutKid_getsItsPublishedThumbprintAsKid() {
        ParsedPublicKey key = parser.parse(RFC7638_KEY.replace(",\"kid\":\"2011-04-29\"", ""));

        assertThat(key.kid().value()).isEqualTo(RFC7638_THUMBPRINT);
        assertThat(key.keyType()).isEqualTo(KeyType.RSA);
        assertThat(key.algorithm()).isEqualTo(JwsAlgorithm.RS256);
    }

    @Test
    void ed25519KeyWithoutKid_getsItsRfc8037Thumbprint() {
        assertThat(parser.parse(json(ED25519.toPublicJWK())).kid().value()).isEqualTo(RFC8037_THUMBPRINT);
    }

    @Test
    void givenKid_isKept() {
        ParsedPublicKey key = parser.parse(RFC7638_KEY);

        assertThat(key.kid().value()).isEqualTo("2011-04-29");
        assertThat(members(key.publicJwkJson())).containsEntry("kid", "2011-04-29");
    }

    static Stream<Arguments> supportedKeys() {
        return Stream.of(
                Arguments.of(RSA, KeyType.RSA, JwsAlgorithm.RS256, List.of("kty", "n", "e")),
                Arguments.of(P256, KeyType.EC, JwsAlgorithm.ES256, List.of("kty", "crv", "x", "y")),
                Arguments.of(P384, KeyType.EC, JwsAlgorithm.ES384, List.of("kty", "crv", "x", "y")),
                Arguments.of(P521, KeyType.EC, JwsAlgorithm.ES512, List.of("kty", "crv", "x", "y")),
                Arguments.of(ED25519, KeyType.OKP, JwsAlgorithm.EdDSA, List.of("kty", "crv", "x")));
    }

    @ParameterizedTest
    @MethodSource("supportedKeys")
    void supportedPublicKey_isAccepted_withTheAlgorithmItImplies_andStoredAsTheSameKey(
            JWK key, KeyType type, JwsAlgorithm implied, List<String> publicMembers) throws Exception {
        ParsedPublicKey parsed = parser.parse(json(key.toPublicJWK()));

        assertThat(parsed.keyType()).isEqualTo(type);
        assertThat(parsed.algorithm()).isEqualTo(implied);
        assertThat(parsed.kid().value()).isEqualTo(key.computeThumbprint().toString());
        JWK stored = JWK.parse(parsed.publicJwkJson());
        assertThat(stored.isPrivate()).isFalse();
        assertThat(publicKey(stored)).isEqualTo(publicKey(key));
        List<String> expectedMembers = new ArrayList<>(publicMembers);
        expectedMembers.addAll(List.of("kid", "alg", "use"));
        assertThat(members(parsed.publicJwkJson()))
                .containsOnlyKeys(expectedMembers)
                .containsEntry("kid", parsed.kid().value())
                .containsEntry("alg", implied.name())
                .containsEntry("use", "sig");
    }

    @Test
    void membersBeyondThePublicKey_areDroppedFromTheStoredJwk() throws Exception {
        String upload = json(RSA.toPublicJWK(),
                "use", "sig", "key_ops", List.of("verify"), "x5c", List.of("bm90IGEgY2VydGlmaWNhdGU"),
                "x5u", "https://attacker.example/cert.pem", "jku", "https://attacker.example/jwks",
                "x5t#S256", "bm90IGEgdGh1bWJwcmludA", "note", "for the invoker app");

        ParsedPublicKey parsed = parser.parse(upload);

        assertThat(members(parsed.publicJwkJson())).containsOnlyKeys("kty", "n", "e", "kid", "alg", "use");
        assertThat(publicKey(JWK.parse(parsed.publicJwkJson()))).isEqualTo(RSA.toPublicKey());
    }

    static Stream<Arguments> fittingAlgorithms() {
        return Stream.concat(
                Stream.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512").map(alg -> Arguments.of(RSA, alg)),
                Stream.of(Arguments.of(P256, "ES256"), Arguments.of(P384, "ES384"), Arguments.of(P521, "ES512"),
                        Arguments.of(ED25519, "EdDSA")));
    }

    @ParameterizedTest
    @MethodSource("fittingAlgorithms")
    void givenAlgThatFitsTheKey_isKept(JWK key, String alg) {
        ParsedPublicKey parsed = parser.parse(json(key.toPublicJWK(), "alg", alg));

        assertThat(parsed.algorithm().name()).isEqualTo(alg);
        assertThat(members(parsed.publicJwkJson())).containsEntry("alg", alg);
    }

    static Stream<Arguments> unfittingAlgorithms() {
        return Stream.of(
                Arguments.of(RSA, "ES256"), Arguments.of(RSA, "EdDSA"),
                Arguments.of(P256, "ES384"), Arguments.of(P256, "RS256"), Arguments.of(P384, "ES256"),
                Arguments.of(P521, "ES384"), Arguments.of(ED25519, "ES256"), Arguments.of(ED25519, "PS256"));
    }

    @ParameterizedTest
    @MethodSource("unfittingAlgorithms")
    void algThatDoesNotFitTheKey_isRefused(JWK key, String alg) {
        assertRefused(json(key.toPublicJWK(), "alg", alg), "alg");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "none", "ES256K", "RSA-OAEP", "rs256", ""})
    void algOutsideTheSupportedSet_isRefused(String alg) {
        assertRefused(json(RSA.toPublicJWK(), "alg", alg), "alg");
    }

    @Test
    void algThatIsNotAString_isRefused() {
        assertRefused(json(RSA.toPublicJWK(), "alg", 256), "alg");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "not json", "[]", "[[\"kty\",\"RSA\"]]", "[{\"kty\":\"RSA\"}]", "\"RSA\"", "42",
        "{\"kty\":\"RSA\"", "{\"kty\":\"EC\",\"kty\":\"RSA\"}"})
    void textThatIsNotOneJsonObject_isRefusedAsAWhole(String text) {
        assertRefused(text, "");
    }

    @Test
    void symmetricKey_isRefused() {
        InvalidValue refusal = assertRefused("{\"kty\":\"oct\",\"k\":\"GawgguFyGrWKav7AX4VKUg\"}", "kty");

        assertThat(refusal.getMessage()).contains("symmetric");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "Ed25519", "OKP ", ""})
    void unknownKty_isRefused(String kty) {
        assertRefused(json(RSA.toPublicJWK(), "kty", kty), "kty");
    }

    @Test
    void missingOrNonStringKty_isRefused() {
        assertRefused(json(RSA.toPublicJWK(), "kty", null), "kty");
        assertRefused(json(RSA.toPublicJWK(), "kty", List.of("RSA")), "kty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"d", "p", "q", "dp", "dq", "qi", "oth", "k"})
    void publicKeyWithAPrivateMember_isRefused_namingIt(String member) {
        InvalidValue refusal = assertRefused(json(RSA.toPublicJWK(), member, "c2VjcmV0LWtleS1tYXRlcmlhbA"), member);

        assertThat(refusal.getMessage())
                .isEqualTo("a JWK with private members is refused: upload only the public key");
    }

    static Stream<JWK> privateKeys() {
        return Stream.of(RSA, P256, ED25519);
    }

    @ParameterizedTest
    @MethodSource("privateKeys")
    void wholePrivateKey_isRefused(JWK privateKey) {
        assertThat(privateKey.isPrivate()).isTrue();

        assertRefused(json(privateKey), "d");
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 2047})
    void rsaModulusUnder2048Bits_isRefused(int bits) {
        InvalidValue refusal = assertRefused(json(rsa(bits).toPublicJWK()), "n");

        assertThat(refusal.getMessage()).contains(bits + " bits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256k1", "P-192", "p-256", "Ed25519"})
    void ecKeyOnAnotherCurve_isRefused(String crv) {
        assertRefused(json(P256.toPublicJWK(), "crv", crv), "crv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"X25519", "Ed448", "P-256"})
    void okpKeyOnAnotherCurve_isRefused(String crv) {
        assertRefused(json(ED25519.toPublicJWK(), "crv", crv), "crv");
    }

    @Test
    void curvedKeyWithoutCrv_isRefused() {
        assertRefused(json(P256.toPublicJWK(), "crv", null), "crv");
        assertRefused(json(ED25519.toPublicJWK(), "crv", null), "crv");
    }

    static Stream<Arguments> requiredMembers() {
        return Stream.of(Arguments.of(RSA, "n"), Arguments.of(RSA, "e"), Arguments.of(P256, "x"),
                Arguments.of(P256, "y"), Arguments.of(ED25519, "x"));
    }

    @ParameterizedTest
    @MethodSource("requiredMembers")
    void keyMissingAPublicMember_isRefused_namingIt(JWK key, String member) {
        assertRefused(json(key.toPublicJWK(), member, null), member);
        assertRefused(json(key.toPublicJWK(), member, 65537), member);
    }

    @Test
    void ecPointNotOnTheCurve_isRefused() {
        ECKey other = ec(Curve.P_256);

        InvalidValue refusal = assertRefused(json(P256.toPublicJWK(), "y", other.getY().toString()), "");

        assertThat(refusal.getMessage()).contains("not form a valid public key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AQ", "Ag", ""})
    void rsaExponentBelowThree_isRefused(String e) {
        assertRefused(json(RSA.toPublicJWK(), "e", e), "");
    }

    @ParameterizedTest
    @ValueSource(ints = {31, 33, 57})
    void ed25519KeyOfTheWrongLength_isRefused(int bytes) {
        assertRefused(json(ED25519.toPublicJWK(), "x", Base64URL.encode(new byte[bytes]).toString()), "x");
    }

    @Test
    void useSig_isAccepted() {
        assertThat(parser.parse(json(P256.toPublicJWK(), "use", "sig")).algorithm()).isEqualTo(JwsAlgorithm.ES256);
    }

    @Test
    void useOtherThanSig_isRefused() {
        assertRefused(json(P256.toPublicJWK(), "use", "enc"), "use");
        assertRefused(json(P256.toPublicJWK(), "use", "SIG"), "use");
        assertRefused(json(P256.toPublicJWK(), "use", List.of("sig")), "use");
    }

    @Test
    void keyOpsOfOnlyVerify_isAccepted() {
        assertThat(parser.parse(json(P256.toPublicJWK(), "key_ops", List.of("verify"))).keyType())
                .isEqualTo(KeyType.EC);
    }

    static Stream<Object> refusedKeyOps() {
        return Stream.of(List.of("sign"), List.of("verify", "sign"), List.of("verify", "encrypt"), List.of(),
                "verify");
    }

    @ParameterizedTest
    @MethodSource("refusedKeyOps")
    void keyOpsBeyondVerify_isRefused(Object keyOps) {
        assertRefused(json(P256.toPublicJWK(), "key_ops", keyOps), "key_ops");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "key one", "kid\u00e9", "tab\tkid"})
    void invalidKid_isRefused(String kid) {
        assertRefused(json(RSA.toPublicJWK(), "kid", kid), "kid");
    }

    @Test
    void overlongOrNonStringKid_isRefused() {
        assertRefused(json(RSA.toPublicJWK(), "kid", "k".repeat(256)), "kid");
        assertRefused(json(RSA.toPublicJWK(), "kid", 7), "kid");
        assertThat(parser.parse(json(RSA.toPublicJWK(), "kid", "k".repeat(255))).kid().value()).hasSize(255);
    }

    /**
     * Refuses the text with the given field, and with a message that repeats none of the input: no
     * member value of eight characters or more (key material, URLs, kids) appears in it.
     */
    private InvalidValue assertRefused(String jwkJson, String field) {
        InvalidValue refusal = catchThrowableOfType(InvalidValue.class, () -> parser.parse(jwkJson));

        assertThat(refusal).as("refusal of %s", jwkJson).isNotNull();
        assertThat(refusal.field()).as("field refused in %s", jwkJson).isEqualTo(field);
        assertThat(refusal.getMessage()).isNotBlank();
        for (String value : stringValues(jwkJson)) {
            assertThat(refusal.getMessage()).doesNotContain(value);
        }
        return refusal;
    }

    private static List<String> stringValues(String text) {
        List<String> values = new ArrayList<>();
        if (text != null && text.length() >= 8) {
            values.add(text);
        }
        try {
            JSONObjectUtils.parse(text).values().forEach(value -> collectStrings(value, values));
        } catch (Exception notAnObject) {
            // only the raw text can be echoed then
        }
        return values.stream().filter(value -> value.length() >= 8).toList();
    }

    private static void collectStrings(Object value, List<String> into) {
        if (value instanceof String string) {
            into.add(string);
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collectStrings(item, into));
        }
    }

    /** The JWK as JSON, with each member/value pair set, or removed when the value is null. */
    private static String json(JWK key, Object... memberValuePairs) {
        Map<String, Object> members = key.toJSONObject();
        for (int i = 0; i < memberValuePairs.length; i += 2) {
            String member = (String) memberValuePairs[i];
            Object value = memberValuePairs[i + 1];
            if (value == null) {
                members.remove(member);
            } else {
                members.put(member, value);
            }
        }
        return JSONObjectUtils.toJSONString(members);
    }

    private static Map<String, Object> members(String json) {
        try {
            return JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static PublicKey publicKey(JWK jwk) throws Exception {
        return jwk instanceof OctetKeyPair okp
                ? TestJws.ed25519PublicKey(okp.getDecodedX())
                : ((AsymmetricJWK) jwk).toPublicKey();
    }

    private static RSAKey rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            KeyPair pair = generator.generateKeyPair();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey ec(Curve curve) {
        try {
            return new ECKeyGenerator(curve).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
