package io.flowgate.adapter.out.oauth;

import io.flowgate.application.port.out.KeyPairGenerator;
import io.flowgate.application.port.out.KeyPairGenerator.GeneratedKeyPair;
import io.flowgate.application.port.out.SigningKeyFactory;
import io.flowgate.domain.key.JwsAlgorithm;
import java.nio.charset.StandardCharsets;

/** A fresh org signing key: generated like an app key, its private JWK encrypted before it leaves. */
public final class NimbusSigningKeyFactory implements SigningKeyFactory {

    private final KeyPairGenerator generator;
    private final AesGcmKeyEncryption encryption;

    public NimbusSigningKeyFactory(KeyPairGenerator generator, AesGcmKeyEncryption encryption) {
        this.generator = generator;
        this.encryption = encryption;
    }

    @Override
    public NewSigningKey create(JwsAlgorithm algorithm) {
        GeneratedKeyPair pair = generator.generate(algorithm);
        return new NewSigningKey(pair.publicKey().kid(), pair.publicKey().publicJwkJson(),
                encryption.encrypt(pair.privateJwkJson().getBytes(StandardCharsets.UTF_8)));
    }
}
