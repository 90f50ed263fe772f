package io.flowgate.bootstrap.bench;

import io.flowgate.adapter.out.oauth.NimbusAccessTokenVerifier;
import io.flowgate.adapter.out.oauth.Sha256SecretHasher;
import io.flowgate.application.port.out.AccessTokenSigner.AccessTokenClaims;
import io.flowgate.application.port.out.AccessTokenVerifier;
import io.flowgate.application.port.out.SecretHasher;
import io.flowgate.application.service.VerifiedTokenCache;
import io.flowgate.bootstrap.bench.BenchOrg.OrgSigningKey;
import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.SigningKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * An invocation's check of its bearer token: the full verification (parse, signature, claims) against the cached
 * path the invocation service takes for a token it has seen before (hash the token, look the hash up). Run it with
 * {@code bench/hot-paths.sh}; it is not part of the test suite.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BearerVerificationBenchmark {

    @Param({"RS256", "ES256", "EdDSA"})
    public String alg;

    private final AccessTokenVerifier verifier = new NimbusAccessTokenVerifier(BenchOrg.CRYPTO);
    private final SecretHasher hasher = new Sha256SecretHasher();
    private final VerifiedTokenCache cache = new VerifiedTokenCache();
    private List<SigningKey> verifyingKeys;
    private String token;
    private Instant now;

    @Setup
    public void issueToken() {
        OrgSigningKey signingKey = OrgSigningKey.create(JwsAlgorithm.valueOf(alg));
        verifyingKeys = List.of(signingKey.key());
        token = signingKey.signer().sign(signingKey.key(), BenchOrg.accessTokenClaims());
        now = Instant.now();
        AccessTokenClaims claims = verify().orElseThrow(
                () -> new IllegalStateException("the benchmark must measure a token that verifies"));
        cache.put(hasher.hash(token).value(), claims);
    }

    @Benchmark
    public Optional<AccessTokenClaims> verify() {
        return verifier.verify(token, verifyingKeys, BenchOrg.ISSUER);
    }

    @Benchmark
    public Optional<AccessTokenClaims> cached() {
        return cache.get(hasher.hash(token).value(), now);
    }
}
