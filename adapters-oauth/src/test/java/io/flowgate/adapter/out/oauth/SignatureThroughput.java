package io.flowgate.adapter.out.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Signatures per second, JDK against ACCP, for the two algorithms every token request meets: RS256
 * and ES256, signing and verifying a token-sized JWS through nimbus, on one thread. Not a test: run
 * its main (the command is in docs/oauth.md). The providers take turns, round after round, and the
 * best round of each is reported, so that load from other processes weighs on both alike.
 */
public final class SignatureThroughput {

    private static final int ROUNDS = 5;
    private static final long ROUND_MILLIS = 2_000;
    private static final Payload PAYLOAD = new Payload("{\"ver\":1,\"jti\":\"0VcLu2OH8V4r7RLK7naa\",\"iss\":"
            + "\"https://flowgate.example.com/orgs/acme\",\"aud\":\"https://flowgate.example.com/orgs/acme\","
            + "\"sub\":\"0VcLu24zCfgOiGZo6XsE\",\"cid\":\"0VcLu24zCfgOiGZo6XsE\","
            + "\"scp\":[\"okta.workflows.invoke.manage\"],\"iat\":1795944009,\"exp\":1795947609}");

    private SignatureThroughput() {
    }

    public static void main(String[] args) throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
        List<CryptoProvider> providers = List.of(CryptoProvider.jdk(), CryptoProvider.select());
        System.out.printf(Locale.ROOT, "%-36s %-6s %-7s %10s%n", "provider", "alg", "op", "per second");
        for (JWSAlgorithm alg : List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256)) {
            Map<String, Operation> operations = new LinkedHashMap<>();
            for (CryptoProvider crypto : providers) {
                JWSSigner signer = alg == JWSAlgorithm.RS256 ? crypto.configure(new RSASSASigner(rsa))
                        : crypto.configure(new ECDSASigner(ec));
                JWSVerifier verifier = alg == JWSAlgorithm.RS256
                        ? crypto.configure(new RSASSAVerifier(rsa.toRSAPublicKey()))
                        : crypto.configure(new ECDSAVerifier(ec.toECPublicKey()));
                JWSObject signed = new JWSObject(new JWSHeader(alg), PAYLOAD);
                signed.sign(signer);
                operations.put(crypto.name() + "|sign", () -> new JWSObject(new JWSHeader(alg), PAYLOAD).sign(signer));
                operations.put(crypto.name() + "|verify", () -> {
                    if (!signed.verify(verifier)) {
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
                System.out.printf(Locale.ROOT, "%-36s %-6s %-7s %10.0f%n", parts[0], alg, parts[1], perSecond);
            });
        }
    }

    private static void run(Map<String, Operation> operations, Map<String, Double> best) throws JOSEException {
        for (Map.Entry<String, Operation> operation : operations.entrySet()) {
            best.merge(operation.getKey(), perSecond(operation.getValue()), Math::max);
        }
    }

    private static double perSecond(Operation operation) throws JOSEException {
        long start = System.nanoTime();
        long end = start + ROUND_MILLIS * 1_000_000;
        long count = 0;
        while (System.nanoTime() < end) {
            operation.run();
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    @FunctionalInterface
    private interface Operation {
        void run() throws JOSEException;
    }
}
