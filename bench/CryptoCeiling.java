import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The crypto ceiling of the token endpoint: one verify (the client's RS256 assertion) plus one sign
 * (the access token, RS256 or ES256 as in the benchmark's two token scenarios) per token, on all
 * cores, with the provider Flowgate selects (ACCP when it loads).
 * Usage: java -cp flowgate.jar CryptoCeiling.java SECONDS [RS256|ES256] (the access token's algorithm; both without)
 */
public class CryptoCeiling {

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        Provider provider = provider();
        System.out.println("provider " + (provider == null ? "JDK default" : provider.getName()));
        String[] rs256 = {"RS256", "RSA", "SHA256withRSA"};
        String[] es256 = {"ES256", "EC", "SHA256withECDSA"};
        for (String[] sign : new String[][] {rs256, es256}) {
            if (args.length > 1 && !args[1].equals(sign[0])) {
                continue;
            }
            System.out.printf("RS256 verify + %s sign per second: %.0f%n", sign[0], measure(rs256, sign, provider, seconds));
        }
    }

    private static Provider provider() {
        try {
            Class<?> accp = Class.forName("com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider");
            Provider provider = (Provider) accp.getField("INSTANCE").get(null);
            accp.getMethod("assertHealthy").invoke(provider);
            return provider;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    private static double measure(String[] verify, String[] sign, Provider provider, long seconds) throws Exception {
        KeyPair client = keyPair(verify);
        KeyPair org = keyPair(sign);
        byte[] message = new byte[300];
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<Long>> counts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            counts.add(pool.submit(() -> {
                Signature assertionSigner = signature(verify, provider);
                assertionSigner.initSign(client.getPrivate());
                assertionSigner.update(message);
                byte[] assertion = assertionSigner.sign();
                Signature verifier = signature(verify, provider);
                Signature signer = signature(sign, provider);
                signer.initSign(org.getPrivate());
                long done = 0;
                while (System.nanoTime() < end) {
                    verifier.initVerify(client.getPublic());
                    verifier.update(message);
                    if (!verifier.verify(assertion)) {
                        throw new IllegalStateException("the assertion does not verify");
                    }
                    signer.update(message);
                    signer.sign();
                    done++;
                }
                return done;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        pool.shutdown();
        return total / (double) seconds;
    }

    private static KeyPair keyPair(String[] alg) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(alg[1]);
        if (alg[1].equals("RSA")) {
            generator.initialize(2048);
        } else {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        }
        return generator.generateKeyPair();
    }

    private static Signature signature(String[] alg, Provider provider) throws Exception {
        return provider == null ? Signature.getInstance(alg[2]) : Signature.getInstance(alg[2], provider);
    }
}
