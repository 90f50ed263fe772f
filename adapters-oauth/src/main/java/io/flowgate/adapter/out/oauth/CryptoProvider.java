package io.flowgate.adapter.out.oauth;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.nimbusds.jose.jca.JCAAware;
import com.nimbusds.jose.jca.JCAContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.Key;
import java.security.Provider;
import java.security.Signature;
import java.util.Optional;

/**
 * The JCA provider that signs and verifies JWS: the Amazon Corretto Crypto Provider (native code;
 * about twice the JDK's speed for RSA signatures and twenty times for ECDSA) when it loads and
 * passes its self-checks on this platform, else the JDK's own providers. It is handed to each signer and verifier rather than
 * registered JVM-wide, so nothing else in the process changes provider behind its back.
 */
public final class CryptoProvider {

    private static final System.Logger LOG = System.getLogger(CryptoProvider.class.getName());

    /** Empty: the JDK's providers, found by the usual JCA lookup. */
    private final Optional<Provider> provider;

    private CryptoProvider(Optional<Provider> provider) {
        this.provider = provider;
    }

    /** Picks ACCP when it is healthy here, else the JDK's providers, and logs the choice. Call once at start. */
    public static CryptoProvider select() {
        Optional<Provider> accp = corretto();
        CryptoProvider chosen = new CryptoProvider(accp);
        LOG.log(System.Logger.Level.INFO, "JWS signatures use {0}", chosen.name());
        return chosen;
    }

    /** The JDK's providers, whatever else is available. */
    public static CryptoProvider jdk() {
        return new CryptoProvider(Optional.empty());
    }

    /** One provider in particular, whatever this platform offers. */
    static CryptoProvider of(Provider provider) {
        return new CryptoProvider(Optional.of(provider));
    }

    /** ACCP when its native library loaded and its self-tests passed here. */
    private static Optional<Provider> corretto() {
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            accp.assertHealthy();
            return Optional.of(accp);
        } catch (RuntimeException | LinkageError e) {
            // No native library for this platform, or it failed its self-tests: the JDK will do.
            LOG.log(System.Logger.Level.INFO, "Amazon Corretto Crypto Provider is not usable here: {0}",
                    String.valueOf(e.getMessage()));
            return Optional.empty();
        }
    }

    public String name() {
        return provider.map(p -> p.getName() + " " + p.getVersionStr()).orElse("the JDK's providers");
    }

    /** Points a nimbus signer or verifier at this provider; returns it for chaining. */
    <T extends JCAAware<? extends JCAContext>> T configure(T signerOrVerifier) {
        provider.ifPresent(p -> signerOrVerifier.getJCAContext().setProvider(p));
        return signerOrVerifier;
    }

    /**
     * The key in this provider's own form, for a key that signs or verifies many times: ACCP would
     * otherwise import a JDK key into native memory again for every signature, which halves its
     * speed. Keys of a type the provider has no factory for are returned as they are.
     */
    <K extends Key> K own(K key, Class<K> type) throws GeneralSecurityException {
        if (provider.isEmpty() || provider.get().getService("KeyFactory", key.getAlgorithm()) == null) {
            return key;
        }
        Key translated = KeyFactory.getInstance(key.getAlgorithm(), provider.get()).translateKey(key);
        return type.isInstance(translated) ? type.cast(translated) : key;
    }

    /** A {@link Signature} from this provider when it offers the algorithm, else from the JDK. */
    Signature signature(String algorithm) throws NoSuchAlgorithmException {
        if (provider.isPresent() && provider.get().getService("Signature", algorithm) != null) {
            return Signature.getInstance(algorithm, provider.get());
        }
        return Signature.getInstance(algorithm);
    }

    @Override
    public String toString() {
        return name();
    }
}
