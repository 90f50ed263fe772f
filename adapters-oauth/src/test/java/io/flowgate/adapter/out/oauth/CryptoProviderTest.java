package io.flowgate.adapter.out.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.flowgate.application.port.out.AccessTokenSigner.AccessTokenClaims;
import io.flowgate.application.port.out.ClientAssertionReader;
import io.flowgate.application.port.out.KeyPairGenerator.GeneratedKeyPair;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.key.AppKey;
import io.flowgate.domain.key.AppKeyId;
import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.SigningKey;
import io.flowgate.domain.key.SigningKeyId;
import io.flowgate.domain.org.OrgId;
import io.flowgate.domain.scope.ScopeName;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Security;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both ways of computing signatures — the one chosen at start (ACCP where it loads) and the JDK's —
 * sign access tokens and verify client assertions for every algorithm, and each verifies what the
 * other signed.
 */
class CryptoProviderTest {

    private static final OrgId ORG = new OrgId("org1");
    private static final AppId CLIENT = new AppId("client1");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final AesGcmKeyEncryption ENCRYPTION = new AesGcmKeyEncryption(new byte[32]);
    /** RSA key generation is slow: one pair per algorithm for the whole class. */
    private static final Map<JwsAlgorithm, GeneratedKeyPair> PAIRS = new EnumMap<>(JwsAlgorithm.class);
    private static final CryptoProvider SELECTED = CryptoProvider.select();
    private static final CryptoProvider JDK = CryptoProvider.jdk();

    static Stream<Arguments> providersAndAlgorithms() {
        List<Arguments> all = new ArrayList<>();
        for (CryptoProvider crypto : List.of(SELECTED, JDK)) {
            for (JwsAlgorithm algorithm : JwsAlgorithm.values()) {
                all.add(Arguments.of(crypto, algorithm));
            }
        }
        return all.stream();
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void onLinuxX8664_theCorrettoProviderIsChosen() {
        assertThat(SELECTED.name()).startsWith("AmazonCorrettoCryptoProvider ");
    }

    /** Chosen for JWS only: TLS, SecureRandom and the rest of the process keep the JDK's providers. */
    @Test
    void select_doesNotRegisterTheProviderJvmWide() {
        CryptoProvider.select();

        assertThat(Security.getProvider("AmazonCorrettoCryptoProvider")).isNull();
        assertThat(Security.getProviders()[0].getName()).isEqualTo("SUN");
    }

    @Test
    void jdk_namesTheJdksProviders() {
        assertThat(CryptoProvider.jdk().name()).isEqualTo("the JDK's providers");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndAlgorithms")
    void accessToken_signedWithTheProvider_verifiesWithTheOtherProvider(CryptoProvider crypto,
                                                                      JwsAlgorithm algorithm) throws Exception {
        GeneratedKeyPair pair = pair(algorithm);
        String token = new NimbusAccessTokenSigner(ENCRYPTION, crypto).sign(signingKey(pair), new AccessTokenClaims(
                "jti1", "https://issuer.example/orgs/acme", CLIENT, List.of(new ScopeName("okta.workflows.invoke.manage")),
                NOW, NOW.plusSeconds(3600)));

        CryptoProvider other = crypto == JDK ? SELECTED : JDK;
        ClientAssertionReader reader = new NimbusClientAssertionReader(other);
        AppKey key = appKey(pair);
        assertThat(reader.signatureVerifies(reader.read(token), key)).isTrue();
        assertThat(reader.signatureVerifies(reader.read(tamper(token)), key)).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndAlgorithms")
    void clientAssertion_signedByTheClient_verifiesWithTheProvider_andATamperedOneDoesNot(CryptoProvider crypto,
                                                                                         JwsAlgorithm algorithm)
            throws Exception {
        GeneratedKeyPair pair = pair(algorithm);
        String assertion = TestJws.sign(algorithm, JWK.parse(pair.privateJwkJson()));
        ClientAssertionReader reader = new NimbusClientAssertionReader(crypto);

        assertThat(reader.signatureVerifies(reader.read(assertion), appKey(pair))).isTrue();
        assertThat(reader.signatureVerifies(reader.read(tamper(assertion)), appKey(pair))).isFalse();
        GeneratedKeyPair stranger = new NimbusKeyPairGenerator().generate(algorithm);
        assertThat(reader.signatureVerifies(reader.read(assertion), appKey(stranger))).isFalse();
    }

    /** The signature covers the header as sent: one changed after signing (here its kid) no longer verifies. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("providersAndAlgorithms")
    void clientAssertion_withItsHeaderChangedAfterSigning_doesNotVerify(CryptoProvider crypto, JwsAlgorithm algorithm)
            throws Exception {
        GeneratedKeyPair pair = pair(algorithm);
        String assertion = TestJws.sign(algorithm, JWK.parse(pair.privateJwkJson()));
        String[] parts = assertion.split("\\.");
        String otherHeader = Base64URL.encode("{\"alg\":\"" + algorithm.name() + "\",\"kid\":\"another\"}").toString();
        ClientAssertionReader reader = new NimbusClientAssertionReader(crypto);

        assertThat(reader.signatureVerifies(reader.read(otherHeader + "." + parts[1] + "." + parts[2]), appKey(pair)))
                .isFalse();
        assertThat(reader.signatureVerifies(reader.read(assertion), appKey(pair))).isTrue();
    }

    /** The provider is really handed to nimbus: one that offers no algorithm at all makes signing fail. */
    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"RS256", "PS256", "ES256"})
    void aProviderWithoutTheAlgorithm_isUsedAndFails_ratherThanSilentlyReplacedByTheJdk(JwsAlgorithm algorithm) {
        CryptoProvider empty = CryptoProvider.of(new Provider("Empty", "1", "offers nothing") {
            private static final long serialVersionUID = 1L;
        });
        GeneratedKeyPair pair = pair(algorithm);
        NimbusAccessTokenSigner signer = new NimbusAccessTokenSigner(ENCRYPTION, empty);

        assertThatThrownBy(() -> signer.sign(signingKey(pair), new AccessTokenClaims("jti1", "https://issuer.example",
                CLIENT, List.of(), NOW, NOW.plusSeconds(60)))).isInstanceOf(IllegalStateException.class);
    }

    /** The same header and claims with one claim changed, so the signature no longer fits. */
    private static String tamper(String jws) throws Exception {
        SignedJWT original = SignedJWT.parse(jws);
        JWTClaimsSet changed = new JWTClaimsSet.Builder(original.getJWTClaimsSet())
                .expirationTime(Date.from(NOW.plusSeconds(7200)))
                .build();
        String[] parts = jws.split("\\.");
        return parts[0] + "." + Base64URL.encode(changed.toString()) + "." + parts[2];
    }

    private static GeneratedKeyPair pair(JwsAlgorithm algorithm) {
        return PAIRS.computeIfAbsent(algorithm, alg -> new NimbusKeyPairGenerator().generate(alg));
    }

    private static SigningKey signingKey(GeneratedKeyPair pair) {
        return SigningKey.create(new SigningKeyId("sk" + pair.publicKey().algorithm()), ORG, pair.publicKey().kid(),
                pair.publicKey().algorithm(), pair.publicKey().publicJwkJson(),
                ENCRYPTION.encrypt(pair.privateJwkJson().getBytes(StandardCharsets.UTF_8)), NOW);
    }

    private static AppKey appKey(GeneratedKeyPair pair) {
        return AppKey.add(new AppKeyId("key1"), ORG, CLIENT, pair.publicKey().kid(), pair.publicKey().keyType(),
                pair.publicKey().algorithm(), pair.publicKey().publicJwkJson(), NOW);
    }
}
