package io.flowgate.adapter.out.oauth;

import io.flowgate.application.port.out.AccessTokenSigner.AccessTokenClaims;
import io.flowgate.application.port.out.ClientAssertionReader.ClientAssertion;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Signatures per second, JDK against ACCP, through the adapters as the token endpoint uses them:
 * access tokens signed by {@link NimbusAccessTokenSigner}, client assertions verified by
 * {@link NimbusClientAssertionReader} (which parses the app's JWK on each request), for RS256 and
 * ES256, on one thread. Not a test: run its main (the command is in docs/oauth.md). The providers
 * take turns, round after round, and the best round of each is reported, so that load from other
 * processes weighs on both alike.
 */
public final class SignatureThroughput {

    private static final int ROUNDS = 5;
    private static final long ROUND_MILLIS = 2_000;
    private static final OrgId ORG = new OrgId("org1");
    private static final AppId CLIENT = new AppId("client1");
    private static final Instant NOW = Instant.now();
    private static final AesGcmKeyEncryption ENCRYPTION = new AesGcmKeyEncryption(new byte[32]);

    private SignatureThroughput() {
    }

    public static void main(String[] args) {
        List<CryptoProvider> providers = List.of(CryptoProvider.jdk(), CryptoProvider.select());
        System.out.printf(Locale.ROOT, "%-36s %-6s %-7s %10s%n", "provider", "alg", "op", "per second");
        for (JwsAlgorithm algorithm : List.of(JwsAlgorithm.RS256, JwsAlgorithm.ES256)) {
            GeneratedKeyPair pair = new NimbusKeyPairGenerator().generate(algorithm);
            SigningKey signingKey = SigningKey.create(new SigningKeyId("sk1"), ORG, pair.publicKey().kid(), algorithm,
                    pair.publicKey().publicJwkJson(),
                    ENCRYPTION.encrypt(pair.privateJwkJson().getBytes(StandardCharsets.UTF_8)), NOW);
            AppKey appKey = AppKey.add(new AppKeyId("key1"), ORG, CLIENT, pair.publicKey().kid(),
                    pair.publicKey().keyType(), algorithm, pair.publicKey().publicJwkJson(), NOW);
            AccessTokenClaims claims = new AccessTokenClaims("0VcLu2OH8V4r7RLK7naa",
                    "https://flowgate.example.com/orgs/acme", CLIENT,
                    List.of(new ScopeName("okta.workflows.invoke.manage")), NOW, NOW.plusSeconds(3600));
            Map<String, Runnable> operations = new LinkedHashMap<>();
            for (CryptoProvider crypto : providers) {
                NimbusAccessTokenSigner signer = new NimbusAccessTokenSigner(ENCRYPTION, crypto);
                NimbusClientAssertionReader reader = new NimbusClientAssertionReader(crypto);
                // an access token has the shape of an assertion as far as the signature goes
                ClientAssertion signed = reader.read(signer.sign(signingKey, claims));
                operations.put(crypto.name() + "|sign", () -> signer.sign(signingKey, claims));
                operations.put(crypto.name() + "|verify", () -> {
                    if (!reader.signatureVerifies(signed, appKey)) {
                        throw new IllegalStateException("signature did not verify");
                    }
                });
            }
            Map<String, Double> best = new LinkedHashMap<>();
            run(operations, best); // warm-up round, not counted
            best.clear();
            for (int round = 0; round < ROUNDS; round++) {
                run(operations, best);
            }
            best.forEach((name, perSecond) -> {
                String[] parts = name.split("\\|");
                System.out.printf(Locale.ROOT, "%-36s %-6s %-7s %10.0f%n", parts[0], algorithm, parts[1], perSecond);
            });
        }
    }

    private static void run(Map<String, Runnable> operations, Map<String, Double> best) {
        operations.forEach((name, operation) -> best.merge(name, perSecond(operation), Math::max));
    }

    private static double perSecond(Runnable operation) {
        long start = System.nanoTime();
        long end = start + ROUND_MILLIS * 1_000_000;
        long count = 0;
        while (System.nanoTime() < end) {
            operation.run();
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
