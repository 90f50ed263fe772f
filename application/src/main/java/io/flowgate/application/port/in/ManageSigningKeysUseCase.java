package io.flowgate.application.port.in;

import io.flowgate.domain.key.JwsAlgorithm;
import io.flowgate.domain.key.SigningKey;
import java.util.List;
import java.util.Optional;

/** The org's access-token signing keys, and their rotation. */
public interface ManageSigningKeysUseCase {

    /** The ACTIVE and PREVIOUS keys, newest first. */
    List<SigningKey> listSigningKeys(AdminContext admin);

    /**
     * Makes a new ACTIVE key (with the given algorithm, else the current key's). The current key turns
     * PREVIOUS and keeps verifying the tokens it signed until they have all expired; older PREVIOUS
     * keys past that overlap are retired.
     */
    SigningKey rotateSigningKey(AdminContext admin, Optional<JwsAlgorithm> algorithm);
}
