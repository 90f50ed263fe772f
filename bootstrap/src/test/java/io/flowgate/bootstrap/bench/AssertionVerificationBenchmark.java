package io.flowgate.bootstrap.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.flowgate.adapter.out.oauth.NimbusClientAssertionReader;
import io.flowgate.adapter.out.oauth.NimbusKeyPairGenerator;
import io.flowgate.application.port.out.ClientAssertionReader;
import io.flowgate.application.port.out.KeyPairGenerator.GeneratedKeyPair;
import io.flowgate.application.port.out.ParsedPublicKey;
import io.flowgate.domain.key.AppKey;
import io.flowgate.domain.key.AppKeyId;
import io.flowgate.domain.key.JwsAlgorithm;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
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
 * The token endpoint's signature check of a client assertion ({@code private_key_jwt}): parse the JWS, then verify
 * it with the app's registered public key, as the token service does. Each call takes the next of a pool of
 * assertions signed in advance, each with its own {@code jti}, as clients send them. Run it with
 * {@code bench/hot-paths.sh}; it is not part of the test suite.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AssertionVerificationBenchmark {

    private static final int POOL_SIZE = 1024;

    @Param({"RS256", "ES256"})
    public String alg;

    private final ClientAssertionReader reader = new NimbusClientAssertionReader(BenchOrg.CRYPTO);
    private final String[] assertions = new String[POOL_SIZE];
    private AppKey appKey;
    private int next;

    @Setup
    public void signAssertions() throws JOSEException, ParseException {
        JwsAlgorithm algorithm = JwsAlgorithm.valueOf(alg);
        GeneratedKeyPair pair = new NimbusKeyPairGenerator().generate(algorithm);
        ParsedPublicKey registered = pair.publicKey();
        // as the app-key service registers a key
        appKey = AppKey.add(new AppKeyId("benchappkey"), BenchOrg.ORG_ID, BenchOrg.CLIENT_ID, registered.kid(),
                registered.keyType(), registered.algorithm(), registered.publicJwkJson(), Instant.now());

        JWK privateJwk = JWK.parse(pair.privateJwkJson());
        JWSSigner signer = algorithm == JwsAlgorithm.RS256
                ? new RSASSASigner(privateJwk.toRSAKey())
                : new ECDSASigner(privateJwk.toECKey());
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.parse(alg)).keyID(registered.kid().value()).build();
        Instant now = Instant.now();
        for (int i = 0; i < POOL_SIZE; i++) {
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(BenchOrg.CLIENT_ID.value())
                    .subject(BenchOrg.CLIENT_ID.value())
                    .audience(BenchOrg.URLS.tokenEndpoint(BenchOrg.SLUG))
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(300)))
                    .jwtID(UUID.randomUUID().toString())
                    .build();
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            assertions[i] = jwt.serialize();
        }
        if (!verify()) {
            throw new IllegalStateException("the benchmark must measure assertions that verify");
        }
    }

    @Benchmark
    public boolean verify() {
        String jws = assertions[next];
        next = (next + 1) % POOL_SIZE;
        return reader.signatureVerifies(reader.read(jws), appKey);
    }
}
