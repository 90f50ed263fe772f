package io.flowgate.application.port.in;

import io.flowgate.application.port.out.KeyPairGenerator.GeneratedKeyPair;
import io.flowgate.domain.app.AppId;
import io.flowgate.domain.key.AppKey;
import io.flowgate.domain.key.AppKeyId;
import io.flowgate.domain.key.JwsAlgorithm;
import java.util.List;

/** The public keys an app signs its client assertions with. */
public interface ManageAppKeysUseCase {

    /** A key together with the private half of a generated pair, which is shown once and never stored. */
    record GeneratedAppKey(AppKey key, GeneratedKeyPair pair) {
    }

    /** @throws io.flowgate.domain.InvalidValue for a private, symmetric, weak or unsupported key */
    AppKey addPublicKey(AdminContext admin, AppId appId, String jwkJson);

    GeneratedAppKey generateKey(AdminContext admin, AppId appId, JwsAlgorithm algorithm);

    List<AppKey> listKeys(AdminContext admin, AppId appId);

    AppKey getKey(AdminContext admin, AppId appId, AppKeyId keyId);

    AppKey activateKey(AdminContext admin, AppId appId, AppKeyId keyId);

    /** @throws io.flowgate.domain.Conflict for the app's last active key */
    AppKey deactivateKey(AdminContext admin, AppId appId, AppKeyId keyId);

    /** @throws io.flowgate.domain.Conflict while the key is ACTIVE */
    void deleteKey(AdminContext admin, AppId appId, AppKeyId keyId);
}
