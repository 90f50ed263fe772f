package io.flowgate.application.port.out;

import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.Kid;

/** Makes an org signing key: the public JWK to publish and the private key already encrypted for storage. */
public interface SigningKeyFactory {

    NewSigningKey create(JwsAlgorithm algorithm);

    record NewSigningKey(Kid kid, String publicJwkJson, byte[] encryptedPrivateKey) {
    }
}
