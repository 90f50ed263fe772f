package io.flowgate.adapter.out.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import io.flowgate.application.port.out.KeyPairGenerator.GeneratedKeyPair;
import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.KeyType;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class NimbusKeyPairGeneratorTest {

    private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    /** One pair per algorithm for the tests that only look at it: RSA key generation is slow. */
    private static final Map<JwsAlgorithm, GeneratedKeyPair> PAIRS = new EnumMap<>(JwsAlgorithm.class);

    private final NimbusKeyPairGenerator generator = new NimbusKeyPairGenerator();

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void privateJwkAndPem_eachSignJwtsThatThePublicJwkVerifies(JwsAlgorithm algorithm) throws Exception {
        GeneratedKeyPair pair = pairFor(algorithm);
        JWK publicJwk = JWK.parse(pair.publicKey().publicJwkJson());

        String signedWithJwk = TestJws.sign(algorithm, JWK.parse(pair.privateJwkJson()));
        String signedWithPem = TestJws.sign(algorithm, fromPem(pair.privateKeyPem(), algorithm.keyType()));

        assertThat(TestJws.verifies(signedWithJwk, publicJwk)).isTrue();
        assertThat(TestJws.verifies(signedWithPem, publicJwk)).isTrue();
        JWK anotherPublicJwk = JWK.parse(generator.generate(algorithm).publicKey().publicJwkJson());
        assertThat(TestJws.verifies(signedWithJwk, anotherPublicJwk)).isFalse();
        assertThat(TestJws.verifies(signedWithPem, anotherPublicJwk)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void publicHalf_isStoredLikeAnUpload_withAThumbprintKid_andNothingPrivate(JwsAlgorithm algorithm)
            throws Exception {
        GeneratedKeyPair pair = pairFor(algorithm);
        JWK publicJwk = JWK.parse(pair.publicKey().publicJwkJson());

        assertThat(pair.publicKey()).isEqualTo(new NimbusPublicKeyParser().parse(pair.publicKey().publicJwkJson()));
        assertThat(pair.publicKey().algorithm()).isEqualTo(algorithm);
        assertThat(pair.publicKey().keyType()).isEqualTo(algorithm.keyType());
        assertThat(pair.publicKey().kid().value()).isEqualTo(publicJwk.computeThumbprint().toString());
        assertThat(publicJwk.isPrivate()).isFalse();
        assertThat(publicJwk.toJSONObject()).doesNotContainKeys(PRIVATE_MEMBERS.toArray(String[]::new));
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void privateJwk_carriesTheSameKidAndAlg_forTheSameKey(JwsAlgorithm algorithm) throws Exception {
        GeneratedKeyPair pair = pairFor(algorithm);
        JWK privateJwk = JWK.parse(pair.privateJwkJson());

        assertThat(privateJwk.isPrivate()).isTrue();
        assertThat(privateJwk.getKeyID()).isEqualTo(pair.publicKey().kid().value());
        assertThat(privateJwk.getAlgorithm().getName()).isEqualTo(algorithm.name());
        assertThat(privateJwk.computeThumbprint().toString()).isEqualTo(pair.publicKey().kid().value());
    }

    @ParameterizedTest
    @CsvSource({"RS256, 2048", "RS384, 2048", "RS512, 2048", "PS256, 2048", "PS384, 2048", "PS512, 2048",
        "ES256, 256", "ES384, 384", "ES512, 521", "EdDSA, 256"})
    void eachAlgorithm_getsAKeyOfItsSize(JwsAlgorithm algorithm, int bits) throws Exception {
        assertThat(JWK.parse(pairFor(algorithm).publicKey().publicJwkJson()).size()).isEqualTo(bits);
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void pem_isPkcs8InLinesOf64Characters(JwsAlgorithm algorithm) {
        String pem = pairFor(algorithm).privateKeyPem();
        List<String> lines = pem.lines().toList();

        assertThat(pem).doesNotContain("\r").endsWith("\n");

        assertThat(lines.get(0)).isEqualTo("-----BEGIN PRIVATE KEY-----");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("-----END PRIVATE KEY-----");
        List<String> body = lines.subList(1, lines.size() - 1);
        assertThat(body).isNotEmpty().allMatch(line -> line.matches("[A-Za-z0-9+/=]{1,64}"));
        assertThat(body.subList(0, body.size() - 1)).allMatch(line -> line.length() == 64);
    }

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void eachGeneration_isAFreshKey(JwsAlgorithm algorithm) {
        assertThat(generator.generate(algorithm).publicKey().kid()).isNotEqualTo(pairFor(algorithm).publicKey().kid());
    }

    private GeneratedKeyPair pairFor(JwsAlgorithm algorithm) {
        return PAIRS.computeIfAbsent(algorithm, generator::generate);
    }

    private static PrivateKey fromPem(String pem, KeyType keyType) throws Exception {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "");
        byte[] pkcs8 = Base64.getMimeDecoder().decode(base64);
        String jdkName = keyType == KeyType.OKP ? "Ed25519" : keyType.name();
        return KeyFactory.getInstance(jdkName).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }
}
