import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pre-signs client assertions for the token benchmark, each with its own jti, so that no assertion
 * is reused. Usage: java -cp flowgate.jar SignAssertions.java PRIVATE_JWK_FILE CLIENT_ID AUDIENCE COUNT OUT
 */
public class SignAssertions {

    public static void main(String[] args) throws Exception {
        RSAKey key = RSAKey.parse(Files.readString(Path.of(args[0])));
        String clientId = args[1];
        String audience = args[2];
        int count = Integer.parseInt(args[3]);
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<String>>> parts = new ArrayList<>();
        Date now = new Date();
        Date expires = new Date(now.getTime() + 50 * 60 * 1000L);
        for (int t = 0; t < threads; t++) {
            int share = count / threads + (t < count % threads ? 1 : 0);
            parts.add(pool.submit(() -> {
                RSASSASigner signer = signer(key);
                List<String> out = new ArrayList<>(share);
                for (int i = 0; i < share; i++) {
                    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                            new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(audience)
                                    .issueTime(now).expirationTime(expires).jwtID(UUID.randomUUID().toString()).build());
                    jwt.sign(signer);
                    out.add(jwt.serialize());
                }
                return out;
            }));
        }
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(Path.of(args[4])))) {
            for (Future<List<String>> part : parts) {
                part.get().forEach(writer::println);
            }
        }
        pool.shutdown();
    }

    /** With ACCP when it loads (as the server does): several times faster than the JDK at RSA signing. */
    private static RSASSASigner signer(RSAKey key) throws Exception {
        try {
            Provider accp = (Provider) Class.forName("com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider")
                    .getField("INSTANCE").get(null);
            PrivateKey own = (PrivateKey) KeyFactory.getInstance("RSA", accp).translateKey(key.toPrivateKey());
            RSASSASigner signer = new RSASSASigner(own);
            signer.getJCAContext().setProvider(accp);
            return signer;
        } catch (ReflectiveOperationException | LinkageError e) {
            return new RSASSASigner(key);
        }
    }
}
