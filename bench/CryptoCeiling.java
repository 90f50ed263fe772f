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
 * The crypto ceiling of the token endpoint: one verify (the client's assertion) plus one sign (the
 * access token) per token, on all cores, with the provider Flowgate selects (ACCP when it loads).
 * Usage: java -cp flowgate.jar CryptoCeiling.java SECONDS
 */
public class CryptoCeiling {

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        Provider provider = provider();
        System.out.println("provider " + (provider == null ? "JDK default" : provider.getName()));
        for (String[] alg : new String[][] {{"RS256", "RSA", "SHA256withRSA"}, {"ES256", "EC", "SHA256withECDSA"}}) {
            System.out.printf("%s verify+sign per second: %.0f%n", alg[0], measure(alg, provider, seconds));
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

    private static double measure(String[] alg, Provider provider, long seconds) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(alg[1]);
        if (alg[1].equals("RSA")) {
            generator.initialize(2048);
        } else {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        }
        KeyPair pair = generator.generateKeyPair();
        byte[] message = new byte[300];
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<Long>> counts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            counts.add(pool.submit(() -> {
                Signature signer = provider == null ? Signature.getInstance(alg[2]) : Signature.getInstance(alg[2], provider);
                Signature verifier = provider == null ? Signature.getInstance(alg[2]) : Signature.getInstance(alg[2], provider);
                signer.initSign(pair.getPrivate());
                byte[] signature = signer.sign();
                long done = 0;
                while (System.nanoTime() < end) {
                    verifier.initVerify(pair.getPublic());
                    verifier.update(message);
                    verifier.verify(signature);
                    signer.update(message);
                    signature = signer.sign();
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
}
