package io.flowgate.bootstrap.bench;

import io.flowgate.adapter.out.oauth.NimbusAccessTokenVerifier;
import io.flowgate.application.port.out.AccessTokenSigner.AccessTokenClaims;
import io.flowgate.bootstrap.bench.BenchOrg.OrgSigningKey;
import io.flowgate.domain.key.JwsAlgorithm;
import java.util.List;
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
 * The token endpoint's signature on an access token, with an org signing key made, encrypted under a master key and
 * loaded the way the server does it. Run it with {@code bench/hot-paths.sh}; it is not part of the test suite.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenSigningBenchmark {

    @Param({"RS256", "ES256", "EdDSA"})
    public String alg;

    private OrgSigningKey signingKey;
    private AccessTokenClaims claims;

    @Setup
    public void createSigningKey() {
        signingKey = OrgSigningKey.create(JwsAlgorithm.valueOf(alg));
        claims = BenchOrg.accessTokenClaims();
        // The first signature also decrypts the key; checking it here keeps that out of the measurement.
        if (new NimbusAccessTokenVerifier(BenchOrg.CRYPTO).verify(sign(), List.of(signingKey.key()), BenchOrg.ISSUER)
                .isEmpty()) {
            throw new IllegalStateException("the benchmark must measure tokens that verify");
        }
    }

    @Benchmark
    public String sign() {
        return signingKey.signer().sign(signingKey.key(), claims);
    }
}
